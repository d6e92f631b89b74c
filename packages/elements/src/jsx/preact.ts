// JSX typings for Preact: `<acct-profile mode="form">` type-checks. Load once, e.g.
// `import type {} from '@acct/elements/jsx/preact'`. Preact sets a prop as a property when the
// element has it, else as an attribute; `onacct-saved` listens to `acct-saved`.
import type { HTMLAttributes } from 'preact';
import type { AcctTagClasses, AcctTagEvents, AcctTagProps } from './tags.js';

type Listeners<E> = { [K in keyof E as `on${K & string}`]?: (event: E[K]) => void };

/** The props of `<T>` in Preact JSX. */
export type AcctPreactProps<T extends keyof AcctTagClasses> = Omit<HTMLAttributes<AcctTagClasses[T]>, keyof AcctTagProps[T]> & AcctTagProps[T] & Listeners<AcctTagEvents[T]>;

type AcctPreactElements = { [T in keyof AcctTagClasses]: AcctPreactProps<T> };

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Preact's JSX types live in a namespace.
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges our tags into Preact's.
    interface IntrinsicElements extends AcctPreactElements {}
  }
}
