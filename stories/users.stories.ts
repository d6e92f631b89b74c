import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@acct/elements/users';
import { findElement, liveRegion, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';
import * as kit from './list-story-kit.js';

const target: kit.ListStoryTarget = { tag: 'acct-users', section: 'users', methods: { load: 'users.list', save: 'users.invite' } };

/**
 * `<acct-users>`: the account's users with role and status; invite, change role, remove. Only
 * the owner and administrators manage users; the owner and the viewer's own row say why they
 * offer no actions. Faults hit `users.list` (load) or `users.invite` (save).
 */
const meta = {
  title: 'Elements/Users',
  component: 'acct-users',
  render: () => html`<acct-users></acct-users>`,
  parameters: {
    acct: { section: 'users', methods: target.methods } satisfies AcctParameters,
    controls: { include: ['account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

export const Overview: Story = {
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-users'));
    await expect(await ui.findByRole('table', { name: 'Users' })).toHaveTextContent('The owner cannot be removed');
  },
};

export const Loading: Story = { ...kit.loadingStory(target), tags: ['states'] };
export const LoadError: Story = { ...kit.loadErrorStory(target), tags: ['states'] };
export const Malformed: Story = { ...kit.malformedStory(target), tags: ['states'] };
export const InviteFailure: Story = { ...kit.actionFailureStory(target), name: 'Invite failure', tags: ['states'] };
export const ReauthRequired: Story = { ...kit.reauthStory(target), tags: ['states'] };
export const MissingSubApi: Story = { ...kit.missingStory(target), tags: ['states'] };

/** Signed in as an administrator: manages others, not the owner or their own row. */
export const AsAdministrator: Story = {
  ...kit.withData(target, {
    viewer: { role: 'admin' },
    users: [
      { id: 'usr-1', email: 'owner@example.com', name: 'Olga Owner', role: 'owner', status: 'active' },
      { id: 'usr-2', email: 'admin@example.com', name: 'Anna Admin', role: 'admin', status: 'active', current: true },
      { id: 'usr-3', email: 'billing@example.com', role: 'user', status: 'invited' },
    ],
  }),
  name: 'As administrator',
  tags: ['states'],
};

/** Signed in as a plain user: the list is read-only and says why. */
export const AsUser: Story = { ...kit.withData(target, { viewer: { role: 'user' } }), name: 'As user (read-only)', tags: ['states'] };
export const Russian: Story = { ...kit.russian, tags: ['states'] };
export const Dark: Story = { ...kit.dark, tags: ['states'] };
export const Branded: Story = { ...kit.branded, tags: ['states'] };
export const RTL: Story = { ...kit.rtl, tags: ['states'] };

/** Invite a colleague as a (billing) user. */
export const InviteFlow: Story = {
  name: 'Invite flow',
  tags: ['interactions'],
  play: async ({ canvasElement, step }) => {
    const el = await findElement(canvasElement, 'acct-users');
    const ui = shadow(el);
    await step('Enter the email, keep the role "User", send', async () => {
      await userEvent.type(await ui.findByRole('textbox', { name: 'Email' }), 'accountant@example.com');
      await userEvent.click(ui.getByRole('button', { name: 'Send invitation' }));
    });
    await step('The invitation is announced and listed', async () => {
      await waitFor(() => expect(liveRegion(el)).toHaveTextContent('Invitation sent to accountant@example.com'), SLOW);
      await waitFor(() => expect(ui.getByRole('table', { name: 'Users' })).toHaveTextContent('accountant@example.com'), SLOW);
    });
  },
};
