export { createMemoryAdapter } from './adapter.js';
export type { CallRecord, CreatedTicket, MemoryAdapter, MemoryAdapterOptions, MemoryControl, MemorySnapshot } from './adapter.js';
export { DEMO_CREDENTIALS, SAMPLE_ACCOUNT_IDS, SAMPLE_ACCOUNTS, SAMPLE_NOW } from './accounts.js';
export type { Address, SampleAccount, SampleAccountId } from './accounts.js';
export type { FailOptions, MethodFilter, ReauthOptions } from './faults.js';
export { REDACTED } from './faults.js';
export type { DeepPartial, Domain, DomainData } from './store.js';
