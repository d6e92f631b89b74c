// Framework-neutral types of every tag, for hand-written bindings (Angular, Svelte,
// another JSX library). React, Preact, Solid and Vue typings: `@acct/elements/jsx/<framework>`.
export type { AcctTagClasses, AcctTagEvents, AcctTagProps } from './tags.js';
