/**
 * A module fetched on first use and shared by every later caller (the browser keeps it); a failed
 * fetch is forgotten, so the next call (a Retry) fetches again instead of failing for good.
 */
export function lazyModule<M>(loader: () => Promise<M>): () => Promise<M> {
  let pending: Promise<M> | undefined;
  return () =>
    (pending ??= loader().catch((e: unknown) => {
      pending = undefined;
      throw e;
    }));
}
