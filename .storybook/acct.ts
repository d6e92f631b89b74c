/**
 * Story plumbing shared by preview.ts and the stories: the memory adapter a story gets from its
 * args and parameters, and small helpers for play functions that work inside shadow roots.
 */
import { useMemo } from 'storybook/preview-api';
import { waitFor, within } from 'storybook/test';
import type { StoryContext } from '@storybook/web-components-vite';
import type { AccountAdapter, ProfilePolicyInput, SubApiName } from '@acct/core';
import { createMemoryAdapter, SAMPLE_ACCOUNT_IDS, type DeepPartial, type MemoryAdapter, type SampleAccount, type SampleAccountId } from '@acct/adapter-memory';
import type { AcctBrand, AcctLinks } from '@acct/elements';

export const THEME_NAMES = ['light', 'dark', 'branded', 'auto'] as const;
export const FAULTS = ['none', 'fail-network', 'fail-validation', 'conflict', 'malformed', 'hang', 'reauth'] as const;
export type Fault = (typeof FAULTS)[number];
/** Which call a fault hits: `auto` picks the one that shows the fault best (see {@link armFault}). */
export const FAULT_TARGETS = ['auto', 'load', 'save'] as const;
export type FaultTarget = (typeof FAULT_TARGETS)[number];

/** Args every story has (preview.ts declares them), so designers switch states from Controls. */
export interface AdapterArgs {
  account: SampleAccountId;
  latency: number;
  fault: Fault;
  faultOn: FaultTarget;
}

/** `parameters.acct`: what a story cannot express as args. */
export interface AcctParameters {
  /** Sub-API the element under the story uses (`panel`); faults are aimed at its calls. */
  section?: SubApiName;
  /**
   * The calls that "load" and "save" mean for elements that are not settings-like
   * (`apiKeys.list`, `apiKeys.create`); default `<section>.get` / `<section>.update`.
   */
  methods?: { load?: string; save?: string };
  /** Overrides merged into the sample account's data (an empty list, a non-admin viewer, a half-filled profile). */
  data?: DeepPartial<SampleAccount>;
  /** Sub-APIs left out of the adapter, as a host that did not implement them. */
  without?: SubApiName[];
  /** `field path -> message` sent with a `fail-validation` fault. */
  fieldErrors?: Record<string, string>;
  /** Partner brand and name given to the provider. */
  brand?: AcctBrand;
  brandName?: string;
  /** The profile policy the memory adapter serves instead of core's default. */
  policy?: ProfilePolicyInput;
  /** Links to host pages given to the provider (home elements, account menu). */
  links?: AcctLinks;
  /** `false`: the story renders its own providers (provider stories). */
  provider?: boolean;
}

export const ADAPTER_ARG_TYPES = {
  account: {
    description: 'Seeded sample account of the memory adapter',
    control: 'select',
    options: [...SAMPLE_ACCOUNT_IDS],
    table: { category: 'Memory adapter' },
  },
  latency: {
    description: 'Milliseconds every adapter call waits',
    control: { type: 'range', min: 0, max: 5000, step: 50 },
    table: { category: 'Memory adapter' },
  },
  fault: {
    description: 'Fault injected into the next matching call',
    control: 'select',
    options: [...FAULTS],
    table: { category: 'Memory adapter' },
  },
  faultOn: {
    description: 'Call the fault hits: loading (`get`), saving (`update`), or the usual one for that fault',
    control: 'inline-radio',
    options: [...FAULT_TARGETS],
    table: { category: 'Memory adapter' },
  },
} as const;

export const ADAPTER_ARGS: AdapterArgs = { account: 'billing-individual', latency: 300, fault: 'none', faultOn: 'auto' };

export function acctParameters<TArgs>(context: StoryContext<TArgs>): AcctParameters {
  return (context.parameters.acct ?? {}) as AcctParameters;
}

/** Loading shows a fault best for reads that fail or never answer; saving for the rest. */
function target(fault: Fault, on: FaultTarget): 'load' | 'save' {
  if (on !== 'auto') return on;
  return fault === 'fail-network' || fault === 'malformed' || fault === 'hang' ? 'load' : 'save';
}

/** Arms `fault` on the section's `get` or `update` (any call / any write when no section is known). */
export function armFault(adapter: MemoryAdapter, fault: Fault, on: FaultTarget, p: AcctParameters = {}): void {
  if (fault === 'none') return;
  const when = target(fault, on);
  const method = (when === 'load' ? p.methods?.load : p.methods?.save) ?? (p.section ? `${p.section}.${when === 'load' ? 'get' : 'update'}` : undefined);
  const c = adapter.control;
  switch (fault) {
    case 'fail-network':
      return c.failNext('network', { method });
    case 'fail-validation':
      return c.failNext('validation', { method, fieldErrors: p.fieldErrors });
    case 'conflict':
      return c.conflictNext({ method });
    case 'malformed':
      return c.malformedNext({ method });
    case 'hang':
      return c.hangNext({ method });
    case 'reauth':
      // Without a section a save means "every write" (the adapter's default for requireReauth).
      return c.requireReauth(when === 'save' && !p.section ? {} : { method });
  }
}

/** A fresh memory adapter for these args, with faults armed and sub-APIs removed as asked. */
export function createStoryAdapter(args: Partial<AdapterArgs>, p: AcctParameters = {}): AccountAdapter & { control: MemoryAdapter['control'] } {
  const a = { ...ADAPTER_ARGS, ...args };
  const adapter = createMemoryAdapter({ account: a.account, latency: a.latency, data: p.data, policy: p.policy });
  armFault(adapter, a.fault, a.faultOn, p);
  const without = new Set<string>(p.without ?? []);
  return Object.fromEntries(Object.entries(adapter).filter(([name]) => !without.has(name))) as unknown as AccountAdapter & {
    control: MemoryAdapter['control'];
  };
}

/**
 * The story's adapter, kept across re-renders (so edits and armed faults survive a globals
 * change) and replaced when the account or the fault changes. Latency changes apply in place.
 * Storybook hook: call it from a decorator or a render function only. `key` tells apart several
 * adapters of one story (one per provider).
 */
export function useStoryAdapter<TArgs>(context: StoryContext<TArgs>, key = ''): AccountAdapter {
  const a = { ...ADAPTER_ARGS, ...(context.args as Partial<AdapterArgs>) };
  const p = acctParameters(context);
  const adapter = useMemo(
    () => createStoryAdapter(a, p),
    [context.id, key, a.account, a.fault, a.faultOn],
  );
  adapter.control.latency = a.latency;
  return adapter;
}

// ---- play-function helpers ----------------------------------------------------------------

/** Generous timeouts: the stories run with the adapter's latency, and CI machines are slow. */
export const SLOW = { timeout: 5000 } as const;

/** Waits until `tag` is in the story and its first render is done, and returns it. */
export async function findElement<K extends keyof HTMLElementTagNameMap>(canvasElement: HTMLElement, tag: K): Promise<HTMLElementTagNameMap[K]> {
  const el = await waitFor(
    () => {
      const found = canvasElement.querySelector(tag);
      if (!found?.shadowRoot) throw new Error(`<${tag}> is not rendered yet`);
      return found;
    },
    SLOW,
  );
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/**
 * Testing Library queries scoped to an element's shadow root. `findByRole` and `findByText` are
 * replaced by polling versions (use those, not the other `findBy*`): Testing Library's own observe
 * the container with a MutationObserver, which throws on a ShadowRoot once the first try misses.
 */
export function shadow(el: Element) {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  // The other queries only call querySelectorAll on the container, which a ShadowRoot has.
  const q = within(el.shadowRoot as unknown as HTMLElement);
  return {
    ...q,
    findByRole: (...args: Parameters<typeof q.getByRole>) => waitFor(() => q.getByRole(...args), SLOW),
    findByText: (...args: Parameters<typeof q.getByText>) => waitFor(() => q.getByText(...args), SLOW),
  };
}

/** The element's polite live region (the one every settings element keeps for announcements). */
export function liveRegion(el: Element): HTMLElement {
  const live = el.shadowRoot?.querySelector<HTMLElement>('[aria-live="polite"]');
  if (!live) throw new Error(`<${el.localName}> has no live region`);
  return live;
}

