/**
 * The state stories every list element (login history, API keys, users, privacy) shares, so each
 * stories file lists its states without repeating their play functions. Settings elements use the
 * load and missing-API ones too.
 */
import type { StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { SubApiName } from '@acct/core';
import { findElement, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';

type Story = StoryObj<AdapterArgs>;
type Tag =
  | 'acct-login-history'
  | 'acct-api-keys'
  | 'acct-users'
  | 'acct-privacy'
  | 'acct-overview'
  | 'acct-referral'
  // Settings elements reuse the load and missing-API states.
  | 'acct-billing-settings'
  | 'acct-notifications'
  | 'acct-email-change';

export interface ListStoryTarget {
  tag: Tag;
  section: SubApiName;
  methods: { load: string; save: string };
}

const params = (t: ListStoryTarget, extra: Partial<AcctParameters> = {}) => ({ acct: { section: t.section, methods: t.methods, ...extra } satisfies AcctParameters });

/** The load never answers: the skeleton stays. */
export function loadingStory(t: ListStoryTarget): Story {
  return {
    args: { fault: 'hang', faultOn: 'load' },
    parameters: params(t),
    play: async ({ canvasElement }) => {
      const el = await findElement(canvasElement, t.tag);
      await waitFor(() => expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).not.toBeNull(), SLOW);
    },
  };
}

/** The load fails with `network`: an alert with Retry. */
export function loadErrorStory(t: ListStoryTarget): Story {
  return {
    name: 'Load error',
    args: { fault: 'fail-network', faultOn: 'load' },
    parameters: params(t),
    play: async ({ canvasElement }) => {
      const ui = shadow(await findElement(canvasElement, t.tag));
      await expect(await ui.findByRole('alert')).toHaveTextContent('No connection to the server');
      await expect(ui.getByRole('button', { name: 'Retry' })).toBeEnabled();
    },
  };
}

/** The load answers with the wrong shape: a clear error instead of a broken page. */
export function malformedStory(t: ListStoryTarget): Story {
  return {
    name: 'Malformed response',
    args: { fault: 'malformed', faultOn: 'load' },
    parameters: params(t),
    play: async ({ canvasElement }) => {
      const ui = shadow(await findElement(canvasElement, t.tag));
      await expect(await ui.findByRole('alert')).toHaveTextContent('could not read');
    },
  };
}

/** The action (`methods.save`) fails once with `network`; the input stays. Try it. */
export function actionFailureStory(t: ListStoryTarget): Story {
  return { name: 'Action failure', args: { fault: 'fail-network', faultOn: 'save' }, parameters: params(t) };
}

/** The action asks for the password again (demo password `correct horse battery staple`). */
export function reauthStory(t: ListStoryTarget): Story {
  return { name: 'Reauth required', args: { fault: 'reauth', faultOn: 'save' }, parameters: params(t) };
}

/** The host's adapter lacks the sub-API: the element names it. */
export function missingStory(t: ListStoryTarget): Story {
  return {
    name: 'Missing sub-API',
    parameters: params(t, { without: [t.section] }),
    play: async ({ canvasElement }) => {
      const el = await findElement(canvasElement, t.tag);
      await waitFor(() => expect(el.shadowRoot).toHaveTextContent(`the account adapter has no "${t.section}" API`), SLOW);
    },
  };
}

/** Any sample data the story needs (an empty list, another viewer role). */
export function withData(t: ListStoryTarget, data: AcctParameters['data'], play?: Story['play']): Story {
  return { parameters: params(t, { data }), ...(play ? { play } : {}) };
}

export const russian: Story = { globals: { locale: 'ru' }, args: { account: 'company-resident' } };
export const dark: Story = { globals: { theme: 'dark' } };
export const branded: Story = { globals: { theme: 'branded' } };
export const rtl: Story = { globals: { dir: 'rtl' } };
