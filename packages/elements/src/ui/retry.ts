/**
 * The click handler of a Retry that reloads a failed section. What focus needs later (the
 * failure's container and what it held) is noted now, before the reload renders; placing focus
 * is ui/focus.ts's focusRetried, fetched meanwhile, so entries showing a Retry do not carry it.
 */
export function retryLoad(event: Event, ctrl: { readonly phase: string; reload(): unknown }): void {
  const retry = event.currentTarget as Element | null;
  const parent = (retry?.closest('[part~=banner]') ?? retry)?.parentNode;
  const before = new Set(parent?.children);
  const root = retry?.getRootNode();
  void ctrl.reload();
  import('./focus.js').then((f) => f.focusRetried(root, ctrl, parent, before), () => {});
}
