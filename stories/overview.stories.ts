import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@acct/elements/overview';
import '@acct/elements/security';
import '@acct/elements/login-history';
import '@acct/elements/api-keys';
import '@acct/elements/panel-settings';
import { findElement, liveRegion, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';
import * as kit from './list-story-kit.js';
import { STORY_LINKS } from './home.links.js';

const target: kit.ListStoryTarget = { tag: 'acct-overview', section: 'profile', methods: { load: 'profile.get', save: 'tickets.create' } };

/**
 * `<acct-overview>`: the control panel home's Support, Balance and Profile blocks. Links come
 * from the provider's `links`. Faults hit `profile.get` (load, the profile block only) or
 * `tickets.create` (save). `individual-resident` is below its low-balance threshold;
 * `company-resident` has a personal discount.
 */
const meta = {
  title: 'Elements/Overview',
  component: 'acct-overview',
  render: () => html`<acct-overview></acct-overview>`,
  args: { account: 'individual-resident' },
  parameters: {
    acct: { section: 'profile', methods: target.methods, links: STORY_LINKS } satisfies AcctParameters,
    controls: { include: ['account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

export const Overview: Story = {
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const el = await findElement(canvasElement, 'acct-overview');
    const ui = shadow(el);
    await expect(await ui.findByRole('link', { name: 'Top up balance' })).toBeVisible();
    await waitFor(() => expect(el.shadowRoot!.querySelector('[data-block=balance] [data-tone=warning]')).not.toBeNull(), SLOW);
  },
};

export const Loading: Story = { ...kit.loadingStory(target), tags: ['states'] };
export const LoadError: Story = { ...kit.loadErrorStory(target), name: 'Profile block load error', tags: ['states'] };
export const Malformed: Story = { ...kit.malformedStory(target), tags: ['states'] };
export const TicketFailure: Story = { ...kit.actionFailureStory(target), name: 'Ticket failure', tags: ['states'] };
export const ReauthRequired: Story = { ...kit.reauthStory(target), tags: ['states'] };
export const Discount: Story = { args: { account: 'company-resident' }, name: 'Company with a discount', tags: ['states'] };
export const OnlyLinks: Story = {
  name: 'Links only, no sub-APIs',
  parameters: { acct: { without: ['profile', 'balance', 'tickets', 'notifications'] } satisfies AcctParameters },
  tags: ['states'],
};
export const InPlace: Story = {
  name: 'Actions in place',
  render: () => html`<acct-overview actions="in-place"></acct-overview>`,
  tags: ['states'],
};
export const Russian: Story = { ...kit.russian, tags: ['states'] };
export const Dark: Story = { ...kit.dark, tags: ['states'] };
export const Branded: Story = { ...kit.branded, tags: ['states'] };
export const RTL: Story = { ...kit.rtl, tags: ['states'] };

/** Open a transfer-of-services ticket from the profile block and send it. */
export const TransferFlow: Story = {
  name: 'Transfer services by ticket',
  tags: ['interactions'],
  play: async ({ canvasElement, step }) => {
    const el = await findElement(canvasElement, 'acct-overview');
    const ui = shadow(el);
    await step('Open the prefilled ticket', async () => {
      await userEvent.click(await ui.findByRole('button', { name: 'Transfer services to another account' }));
      await expect(await ui.findByRole('textbox', { name: 'Subject' })).toHaveValue('Transfer of services to another account');
    });
    await step('Send it', async () => {
      await userEvent.click(ui.getByRole('button', { name: 'Send ticket' }));
      await waitFor(() => expect(liveRegion(el)).toHaveTextContent(/Ticket .+ created/), SLOW);
    });
  },
};
