export * from './defaults.js';
export * from './rules.js';
// Only the public rules; the module's helpers are rules.ts's.
export { canEdit, missingForPayment } from './profile-rules.js';
