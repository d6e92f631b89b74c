import { AdapterError, parseResponse, type Schema } from '@acct/core';

/**
 * A module fetched on first use and shared by every later caller: the module itself once it is in
 * (so a later element's read does not wait a turn for it), else the fetch under way. A failed
 * fetch is forgotten, so the next call (a Retry) fetches again instead of failing for good.
 */
export function lazyModule<M>(loader: () => Promise<M>): () => M | Promise<M> {
  let value: M | undefined;
  let pending: Promise<M> | undefined;
  return () =>
    value ??
    (pending ??= loader().then(
      (m) => (value = m),
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    ));
}

/**
 * A read parsed with a schema from a lazily fetched module (an element's `schemas.ts`, issue 10):
 * the fetch runs beside the read, and once the module is in the read is awaited alone, as if the
 * schema were in the entry. A module that cannot be fetched fails the read as a network error
 * (its message says to check the connection and retry).
 */
export async function parseLazy<M, T>(read: Promise<unknown>, module: () => M | Promise<M>, schema: (m: M) => Schema<T>): Promise<T> {
  const m = module();
  const [raw, loaded] =
    m instanceof Promise
      ? await Promise.all([
          read,
          m.catch(() => {
            throw new AdapterError('network');
          }),
        ])
      : [await read, m];
  return parseResponse(schema(loaded), raw);
}
