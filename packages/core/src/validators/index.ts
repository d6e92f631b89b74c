export * from './money.js';
export * from './email.js';
export type { ValidationReason, ValidationResult } from './result.js';
export { compact as normaliseIdentifier } from './result.js';
export * from './ru.js';
export * from './intl.js';
