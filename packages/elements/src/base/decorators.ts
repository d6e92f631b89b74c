import type { PropertyDeclaration, ReactiveElement } from 'lit';

/**
 * `@property` and `@state` for TypeScript's legacy decorators only, the configuration this
 * package compiles with (`experimentalDecorators`, `useDefineForClassFields: false`). lit's own
 * decorators also handle standard decorators and cost ~0.35 KB gzip in every element entry;
 * these two lines do what legacy decorators need: declare the reactive property on the class.
 */
export const property =
  (options?: PropertyDeclaration) =>
  (proto: ReactiveElement, name: PropertyKey): void =>
    (proto.constructor as typeof ReactiveElement).createProperty(name, options);

/** Internal reactive state: a property without an attribute. */
export const state = (options?: PropertyDeclaration): ReturnType<typeof property> => property({ ...options, state: true, attribute: false });
