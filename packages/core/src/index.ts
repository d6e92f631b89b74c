export * from './adapter.js';
export * from './errors.js';
export * from './parse.js';
export * from './url.js';
export * from './format.js';
export * from './color.js';
export * from './schemas/index.js';
export * from './validators/ip.js';
export * from './validators/password-policy.js';
// The password policy carries a blocklist (~11 KB gzip): elements load it lazily through
// `@acct/core/password`; bundlers drop it from `@acct/core` when it is not imported statically.
export * from './validators/password.js';
