import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@acct/elements/login-history';
import { findElement, liveRegion, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';
import * as kit from './list-story-kit.js';

const target: kit.ListStoryTarget = { tag: 'acct-login-history', section: 'loginHistory', methods: { load: 'loginHistory.list', save: 'sessions.revoke' } };

/**
 * `<acct-login-history>`: active sessions (the current one marked, others with Sign out) and the
 * paged login history in the viewer's locale and time zone (`time-zone` attribute). Faults hit
 * `loginHistory.list` (load) or `sessions.revoke` (save).
 */
const meta = {
  title: 'Elements/Login history',
  component: 'acct-login-history',
  render: () => html`<acct-login-history time-zone="Europe/Moscow"></acct-login-history>`,
  parameters: {
    acct: { section: 'loginHistory', methods: target.methods } satisfies AcctParameters,
    controls: { include: ['account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

export const Overview: Story = {
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const el = await findElement(canvasElement, 'acct-login-history');
    const ui = shadow(el);
    await expect(await ui.findByRole('table', { name: 'Active sessions' })).toHaveTextContent('This device');
    await expect(await ui.findByRole('table', { name: 'Login history' })).toHaveTextContent('Signed in');
    await expect(el.shadowRoot).toHaveTextContent('Times are shown in the Europe/Moscow time zone.');
  },
};

export const Loading: Story = { ...kit.loadingStory(target), tags: ['states'] };
export const LoadError: Story = { ...kit.loadErrorStory(target), tags: ['states'] };
export const Malformed: Story = { ...kit.malformedStory(target), tags: ['states'] };
export const SignOutFailure: Story = { ...kit.actionFailureStory(target), name: 'Sign-out failure', tags: ['states'] };
export const ReauthRequired: Story = { ...kit.reauthStory(target), tags: ['states'] };
export const MissingSubApi: Story = { ...kit.missingStory(target), tags: ['states'] };
export const Empty: Story = { ...kit.withData(target, { loginHistory: [] }), tags: ['states'] };
export const Russian: Story = { ...kit.russian, tags: ['states'] };
export const Dark: Story = { ...kit.dark, tags: ['states'] };
export const Branded: Story = { ...kit.branded, tags: ['states'] };
export const RTL: Story = { ...kit.rtl, tags: ['states'] };

/** Show the next page, then sign out another session after confirming. */
export const SignOutFlow: Story = {
  name: 'Sign-out flow',
  tags: ['interactions'],
  play: async ({ canvasElement, step }) => {
    const el = await findElement(canvasElement, 'acct-login-history');
    const ui = shadow(el);
    await step('Show more logins', async () => {
      await userEvent.click(await ui.findByRole('button', { name: 'Show more' }));
      await waitFor(() => expect(liveRegion(el)).toHaveTextContent('more logins shown'), SLOW);
    });
    await step('Sign out the iPhone session', async () => {
      const buttons = ui.getAllByRole('button', { name: /^Sign out .*iOS/ });
      await userEvent.click(buttons[0]);
      await userEvent.click(await ui.findByRole('button', { name: 'Sign out' }));
      await waitFor(() => expect(liveRegion(el)).toHaveTextContent('was signed out'), SLOW);
    });
  },
};
