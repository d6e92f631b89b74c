import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@acct/elements/billing-settings';
import { findElement, liveRegion, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';
import * as kit from './list-story-kit.js';

const BILLING: kit.ListStoryTarget = { tag: 'acct-billing-settings', section: 'billing', methods: { load: 'billing.get', save: 'billing.update' } };

/** `<acct-billing-settings>`: auto-renewal, site currency, payment without signing in. */
const meta = {
  title: 'Elements/Billing settings',
  component: 'acct-billing-settings',
  render: () => html`<acct-billing-settings></acct-billing-settings>`,
  parameters: {
    acct: { section: 'billing' } satisfies AcctParameters,
    controls: { include: ['account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

export const Overview: Story = {
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-billing-settings'));
    await expect(await ui.findByRole('checkbox', { name: 'Renew services automatically' })).toBeChecked();
  },
};

/** Renewal off and the currency switched, then saved. */
export const SwitchAndSave: Story = {
  name: 'Switch and save',
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const el = await findElement(canvasElement, 'acct-billing-settings');
    const ui = shadow(el);
    await userEvent.click(await ui.findByRole('checkbox', { name: 'Renew services automatically' }));
    await expect(await ui.findByText(/must be renewed manually/)).toBeVisible();
    await userEvent.selectOptions(ui.getByRole('combobox', { name: 'Site currency' }), 'USD');
    await userEvent.click(ui.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(liveRegion(el)).toHaveTextContent('Saved.'), SLOW);
  },
};

export const Loading: Story = { tags: ['states'], args: { fault: 'hang', faultOn: 'load' } };
export const SaveFailure: Story = {
  name: 'Save failure',
  tags: ['states'],
  args: { fault: 'fail-network', faultOn: 'save' },
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-billing-settings'));
    await userEvent.click(await ui.findByRole('checkbox', { name: 'Allow payment without signing in' }));
    await userEvent.click(ui.getByRole('button', { name: 'Save' }));
    await expect(await ui.findByRole('alert')).toHaveTextContent('Your changes are kept.');
  },
};
export const Conflict: Story = { tags: ['states'], args: { fault: 'conflict' } };
export const Russian: Story = { tags: ['states'], globals: { locale: 'ru' }, args: { account: 'company-resident' } };
export const Dark: Story = { tags: ['states'], globals: { theme: 'dark' } };

/** The next `billing.get` fails: an alert with Retry. */
export const LoadError: Story = { ...kit.loadErrorStory(BILLING), tags: ['states'] };

/** Saving needs the password again: the dialog asks for it (demo password `correct horse battery staple`). */
export const ReauthRequired: Story = {
  name: 'Reauth required',
  tags: ['states'],
  args: { fault: 'reauth' },
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-billing-settings'));
    await userEvent.click(await ui.findByRole('checkbox', { name: 'Allow payment without signing in' }));
    await userEvent.click(ui.getByRole('button', { name: 'Save' }));
    await expect(await ui.findByRole('dialog', { name: 'Confirm it is you' })).toBeVisible();
  },
};

/** The host's adapter has no `billing` sub-API: the element says so instead of failing. */
export const MissingSubApi: Story = { ...kit.missingStory(BILLING), tags: ['states'] };

export const Branded: Story = { tags: ['states'], globals: { theme: 'branded' } };
