export * from './money.js';
export * from './email.js';
