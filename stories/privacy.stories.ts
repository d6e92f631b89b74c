import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@acct/elements/privacy';
import { findElement, liveRegion, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';
import * as kit from './list-story-kit.js';

const target: kit.ListStoryTarget = { tag: 'acct-privacy', section: 'privacy', methods: { load: 'privacy.get', save: 'privacy.requestDeletion' } };

/**
 * `<acct-privacy>`: the personal-data archive (request, status, download) and account deletion,
 * explained and confirmed by typing the username. Faults hit `privacy.get` (load) or
 * `privacy.requestDeletion` (save). The sample account `individual-non-resident` has a ready archive.
 */
const meta = {
  title: 'Elements/Privacy',
  component: 'acct-privacy',
  render: () => html`<acct-privacy></acct-privacy>`,
  args: { account: 'individual-non-resident' },
  parameters: {
    acct: { section: 'privacy', methods: target.methods } satisfies AcctParameters,
    controls: { include: ['account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

export const Overview: Story = {
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-privacy'));
    await expect(await ui.findByRole('link', { name: /Download the archive/ })).toBeVisible();
  },
};

export const Loading: Story = { ...kit.loadingStory(target), tags: ['states'] };
export const LoadError: Story = { ...kit.loadErrorStory(target), tags: ['states'] };
export const Malformed: Story = { ...kit.malformedStory(target), tags: ['states'] };
export const DeletionFailure: Story = { ...kit.actionFailureStory(target), name: 'Deletion failure', tags: ['states'] };
export const ReauthRequired: Story = { ...kit.reauthStory(target), tags: ['states'] };
export const MissingSubApi: Story = { ...kit.missingStory(target), tags: ['states'] };
export const ArchivePending: Story = {
  ...kit.withData(target, { privacy: { exports: [{ id: 'exp-9', status: 'pending', requestedAt: '2025-05-20T10:00:00.000Z' }] } }),
  name: 'Archive being prepared',
  tags: ['states'],
};
export const DeletionScheduled: Story = {
  ...kit.withData(target, { privacy: { exports: [], deletion: { status: 'scheduled', at: '2025-06-20T10:00:00.000Z' } } }),
  name: 'Deletion scheduled',
  tags: ['states'],
};
export const Russian: Story = { ...kit.russian, tags: ['states'] };
export const Dark: Story = { ...kit.dark, tags: ['states'] };
export const Branded: Story = { ...kit.branded, tags: ['states'] };
export const RTL: Story = { ...kit.rtl, tags: ['states'] };

/** Request an archive, then schedule deletion by typing the username. */
export const DeletionFlow: Story = {
  name: 'Archive and deletion flow',
  tags: ['interactions'],
  args: { account: 'billing-individual' },
  play: async ({ canvasElement, step }) => {
    const el = await findElement(canvasElement, 'acct-privacy');
    const ui = shadow(el);
    await step('Request the archive', async () => {
      await userEvent.click(await ui.findByRole('button', { name: 'Request archive' }));
      await waitFor(() => expect(liveRegion(el)).toHaveTextContent('Archive requested'), SLOW);
      // The busy button dropped focus: it goes to the archives table with the new row.
      await waitFor(() => expect(el.shadowRoot!.activeElement?.id).toBe('archives'), SLOW);
    });
    await step('Type the username and delete', async () => {
      const field = await ui.findByRole('textbox', { name: /To confirm, type your username/ });
      const username = /username: (.+)$/.exec((field as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '')?.[1] ?? '';
      // userEvent does not move focus inside a shadow root as a real click does: focus by hand,
      // so focus leaves the archives table (where the request put it) as a user's would.
      (field as HTMLInputElement).focus();
      await userEvent.type(field, username);
      const remove = ui.getByRole('button', { name: 'Delete account' });
      remove.focus();
      await userEvent.click(remove);
      // Focus goes to the result, which reads it; the live region does not say it again.
      await waitFor(() => expect(el.shadowRoot!.activeElement?.textContent).toMatch(/scheduled for deletion/), SLOW);
      await expect(liveRegion(el)).toHaveTextContent('');
    });
  },
};
