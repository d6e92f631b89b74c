import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@acct/elements/referral';
import { findElement, liveRegion, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';
import * as kit from './list-story-kit.js';
import { STORY_LINKS } from './home.links.js';

const target: kit.ListStoryTarget = { tag: 'acct-referral', section: 'referral', methods: { load: 'referral.get', save: 'referral.requestParticipation' } };

/**
 * `<acct-referral>`: the host's description of the program (slotted), "Request participation",
 * then the status. Faults hit `referral.get` (load) or `referral.requestParticipation` (save).
 */
const meta = {
  title: 'Elements/Referral',
  component: 'acct-referral',
  render: () => html`<acct-referral><p>Invite clients and receive 15% of what they pay for their first year.</p></acct-referral>`,
  args: { account: 'billing-individual' },
  parameters: {
    acct: { section: 'referral', methods: target.methods, links: STORY_LINKS } satisfies AcctParameters,
    controls: { include: ['account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

export const Overview: Story = {
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-referral'));
    await expect(await ui.findByRole('button', { name: 'Request participation' })).toBeEnabled();
  },
};
export const Loading: Story = { ...kit.loadingStory(target), tags: ['states'] };
export const LoadError: Story = { ...kit.loadErrorStory(target), tags: ['states'] };
export const Malformed: Story = { ...kit.malformedStory(target), tags: ['states'] };
export const RequestFailure: Story = { ...kit.actionFailureStory(target), name: 'Request failure', tags: ['states'] };
export const ReauthRequired: Story = { ...kit.reauthStory(target), tags: ['states'] };
export const Member: Story = { ...kit.withData(target, { referral: { status: 'member' } }), tags: ['states'] };
export const Requested: Story = { ...kit.withData(target, { referral: { status: 'requested' } }), tags: ['states'] };
export const Russian: Story = { ...kit.russian, tags: ['states'] };
export const Dark: Story = { ...kit.dark, tags: ['states'] };
export const Branded: Story = { ...kit.branded, tags: ['states'] };

/** Request participation and see the status change. */
export const RequestFlow: Story = {
  name: 'Request participation',
  tags: ['interactions'],
  play: async ({ canvasElement }) => {
    const el = await findElement(canvasElement, 'acct-referral');
    const ui = shadow(el);
    await userEvent.click(await ui.findByRole('button', { name: 'Request participation' }));
    // Focus goes to the new status, which is said once: as focus lands, not by the live region too.
    await waitFor(() => expect(el.shadowRoot!.activeElement?.textContent).toMatch(/being reviewed/), SLOW);
    await expect(liveRegion(el).textContent?.trim()).toBe('');
  },
};
