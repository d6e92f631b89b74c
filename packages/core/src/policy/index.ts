export * from './defaults.js';
export * from './rules.js';
