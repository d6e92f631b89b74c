export * from './defaults.js';
export * from './rules.js';
// Only the public rules; the module's helpers are rules.ts's.
export { canEdit, missingForPayment, REQUIRED_ADDRESS_PARTS } from './profile-rules.js';
