export * from './adapter.js';
export * from './errors.js';
export * from './parse.js';
export * from './url.js';
export * from './format.js';
export * from './color.js';
export * from './schemas/index.js';
export * from './user-agent.js';
