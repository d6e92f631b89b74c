// Framework-neutral types of every tag, for hand-written bindings (Vue's GlobalComponents, Angular,
// another JSX library). React, Preact and Solid typings: `@acct/elements/jsx/<framework>`.
export type { AcctTagClasses, AcctTagEvents, AcctTagProps } from './tags.js';
