/**
 * A value by dotted path (`legalAddress.city`, `lowBalance.threshold`): field paths are the names
 * of form controls and of server errors, read by core's rules and the elements alike.
 */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
