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
