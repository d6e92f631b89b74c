import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@acct/elements/settings';
import { resolveToken } from '../packages/elements/src/theme/tokens.js';
import { findElement, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';

/** `<acct-settings>`: the whole settings area as tabs; each tab loads its element on first open. */
const meta = {
  title: 'Elements/Settings',
  component: 'acct-settings',
  render: () => html`<acct-settings></acct-settings>`,
  parameters: { acct: {} satisfies AcctParameters, controls: { include: ['account', 'latency', 'fault', 'faultOn'] } },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

export const Overview: Story = {
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-settings'));
    await expect(await ui.findByRole('tab', { name: 'Profile' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(ui.getByRole('tab', { name: 'Security' }));
    await waitFor(() => expect(ui.getByRole('tab', { name: 'Security' })).toHaveAttribute('aria-selected', 'true'), SLOW);
  },
};

/** A host that embeds only some sections, in its own order. */
export const ChosenTabs: Story = {
  name: 'Chosen tabs',
  tags: ['states'],
  render: () => html`<acct-settings tabs="panel notifications billing"></acct-settings>`,
};

/** Only the sub-APIs a host implements become tabs. */
export const PartialAdapter: Story = {
  name: 'Partial adapter',
  tags: ['states'],
  parameters: { acct: { without: ['profile', 'security', 'apiKeys', 'users', 'privacy'] } satisfies AcctParameters },
};

export const Russian: Story = { tags: ['states'], globals: { locale: 'ru' }, args: { account: 'company-resident' } };
export const Dark: Story = { tags: ['states'], globals: { theme: 'dark' } };
export const RightToLeft: Story = { name: 'RTL', tags: ['states'], globals: { dir: 'rtl' } };
export const Branded: Story = { tags: ['states'], globals: { theme: 'branded' } };

/**
 * `theme="auto"`: light or dark as the system prefers (`prefers-color-scheme`), switching live
 * when the system does. The play function checks the tokens match what this browser prefers.
 */
export const AutoTheme: Story = {
  name: 'Auto theme',
  tags: ['states'],
  globals: { theme: 'auto' },
  play: async ({ canvasElement }) => {
    const provider = await findElement(canvasElement, 'acct-provider');
    await expect(provider).toHaveAttribute('theme', 'auto');
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    const surface = getComputedStyle(provider).getPropertyValue('--acct-color-surface').trim();
    await expect(surface).toBe(resolveToken(dark ? 'dark' : 'light', 'color-surface'));
  },
};
