export { createApp, startServer, mergePatch, HttpError, CSP } from './app.js';
export type { App, ServerOptions } from './app.js';
export { Store } from './db.js';
export { hashSecret, verifySecret, totp, verifyTotp } from './secrets.js';
export { parseCookies, jsonTooDeep } from './app.js';
