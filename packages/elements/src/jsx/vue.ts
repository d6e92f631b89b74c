// Typings for Vue 3 templates (checked by vue-tsc / Vue - Official): `<acct-profile mode="form">`
// and `@acct-saved="…"` are typed. Load once, e.g. `import type {} from '@acct/elements/jsx/vue'`.
// The template compiler must still treat acct-* as custom elements (`isCustomElement`).
import type { FunctionalComponent, HTMLAttributes } from 'vue';
import type { AcctTagClasses, AcctTagEvents, AcctTagProps } from './tags.js';

// Vue's templates turn `@acct-saved` into the prop `onAcctSaved`.
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type Listeners<E> = { [K in keyof E as `on${Capitalize<Camel<K & string>>}`]?: (event: E[K]) => void };

// ...and, for tags it checks as components, `brand-name` into `brandName`.
type CamelKeys<P> = { [K in keyof P as Camel<K & string>]: P[K] };

/** The attributes of `<T>` in Vue templates. */
export type AcctVueProps<T extends keyof AcctTagClasses> = Omit<HTMLAttributes, keyof CamelKeys<AcctTagProps[T]>> & CamelKeys<AcctTagProps[T]> & Listeners<AcctTagEvents[T]>;

// vue-tsc looks tags with a dash up among components (with strictTemplates it reports unknown
// ones); declared as functional components, their attributes and events are checked.
type AcctVueComponents = { [T in keyof AcctTagClasses]: FunctionalComponent<AcctVueProps<T>> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- types the tags in templates.
  interface GlobalComponents extends AcctVueComponents {}
}
