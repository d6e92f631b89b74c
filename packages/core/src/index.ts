export * from './adapter.js';
export * from './errors.js';
export * from './parse.js';
export * from './url.js';
export * from './paths.js';
export * from './format.js';
export * from './color.js';
export * from './schemas/index.js';
export * from './validators/index.js';
export * from './user-agent.js';
export * from './policy/index.js';
// The IP parser (with ipaddr.js), the password validator (with its blocklist) and the phone
// validator (with libphonenumber-js) are also entry points of their own, `@acct/core/ip`,
// `@acct/core/password` and `@acct/core/phone`, which elements import lazily:
// a bundle keeps them out of its main chunk as long as nothing imports them statically.
export * from './validators/ip.js';
export * from './validators/password-policy.js';
export * from './validators/password.js';
export * from './validators/phone.js';
