// JSX typings for Solid: `<acct-profile mode="form">` type-checks. Load once, e.g.
// `import type {} from '@acct/elements/jsx/solid'`. Solid sets props of custom elements as
// properties (`sync-hash` -> `syncHash`); events use its `on:` namespace: `on:acct-saved={...}`.
import type { JSX } from 'solid-js';
import type { AcctTagClasses, AcctTagEvents, AcctTagProps } from './tags.js';

/** The props of `<T>` in Solid JSX. */
export type AcctSolidProps<T extends keyof AcctTagClasses> = Omit<JSX.HTMLAttributes<AcctTagClasses[T]>, keyof AcctTagProps[T]> & AcctTagProps[T];

type AcctSolidElements = { [T in keyof AcctTagClasses]: AcctSolidProps<T> };
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** Every acct-* event by name, for `on:acct-saved` and the like. */
type AcctSolidEvents = UnionToIntersection<AcctTagEvents[keyof AcctTagEvents]>;

declare module 'solid-js' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Solid's JSX types live in a namespace.
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges our tags into Solid's.
    interface IntrinsicElements extends AcctSolidElements {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- types `on:acct-*` handlers.
    interface CustomEvents extends AcctSolidEvents {}
  }
}
