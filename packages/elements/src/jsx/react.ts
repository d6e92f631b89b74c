// JSX typings for React 19 (and @types/react 18.3+): `<acct-profile mode="form">` type-checks
// without wrappers. Load once, e.g. `import type {} from '@acct/elements/jsx/react'`.
// React 19 sets a prop as a property when the element (already defined) has it, else as an attribute;
// `onacct-saved` listens to `acct-saved`. React 18 passes everything as attributes and cannot listen
// to custom events: use @acct/react there.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AcctTagClasses, AcctTagEvents, AcctTagProps } from './tags.js';

type Listeners<E> = { [K in keyof E as `on${K & string}`]?: (event: E[K]) => void };

/** The props of `<T>` in React JSX. */
export type AcctReactProps<T extends keyof AcctTagClasses> = Omit<DetailedHTMLProps<HTMLAttributes<AcctTagClasses[T]>, AcctTagClasses[T]>, keyof AcctTagProps[T]> &
  AcctTagProps[T] &
  Listeners<AcctTagEvents[T]>;

type AcctReactElements = { [T in keyof AcctTagClasses]: AcctReactProps<T> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in a namespace.
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges our tags into React's.
    interface IntrinsicElements extends AcctReactElements {}
  }
}
