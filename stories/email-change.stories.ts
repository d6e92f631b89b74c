import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { MemoryAdapter } from '@acct/adapter-memory';
import '@acct/elements/email-change';
import { findElement, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';
import * as kit from './list-story-kit.js';

const EMAIL: kit.ListStoryTarget = { tag: 'acct-email-change', section: 'contacts', methods: { load: 'contacts.emailStatus', save: 'contacts.requestEmailChange' } };

/** `<acct-email-change>`: current address and status, a pending change, resend with cooldown. */
const meta = {
  title: 'Elements/Email change',
  component: 'acct-email-change',
  render: () => html`<acct-email-change></acct-email-change>`,
  parameters: {
    // Faults from Controls hit loading the status or requesting a change.
    acct: { section: 'contacts', methods: { load: 'contacts.emailStatus', save: 'contacts.requestEmailChange' } } satisfies AcctParameters,
    controls: { include: ['account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

async function adapterOf(canvasElement: HTMLElement): Promise<MemoryAdapter> {
  return (await findElement(canvasElement, 'acct-provider')).adapter as MemoryAdapter;
}

async function requestChange(canvasElement: HTMLElement, email: string) {
  const ui = shadow(await findElement(canvasElement, 'acct-email-change'));
  await userEvent.type(await ui.findByRole('textbox', { name: 'New email' }), email);
  await userEvent.click(ui.getByRole('button', { name: 'Change email' }));
  return ui;
}

export const Overview: Story = { tags: ['overview'] };

/** After a change: the new address waits for confirmation; Resend counts down. */
export const Pending: Story = {
  tags: ['states'],
  play: async ({ canvasElement }) => {
    const ui = await requestChange(canvasElement, 'new.address@example.org');
    await expect(await ui.findByText(/Waiting for confirmation: new.address@example.org/)).toBeVisible();
    await expect(ui.getByRole('button', { name: /Resend in \d+ s/ })).toBeDisabled();
  },
};

/** A malformed address is explained at the field; nothing is sent. */
export const InvalidAddress: Story = {
  name: 'Invalid address',
  tags: ['states'],
  play: async ({ canvasElement }) => {
    const ui = await requestChange(canvasElement, 'someone@');
    // The message stands at the field (and is also announced in the live region).
    await waitFor(() => expect(ui.getAllByText('Enter an email address like name@example.com.')[0]).toBeVisible(), SLOW);
  },
};

/** The server refuses more emails for a while: the countdown follows `retryAfter`. */
export const RateLimited: Story = {
  name: 'Rate limited',
  tags: ['states'],
  play: async ({ canvasElement }) => {
    (await adapterOf(canvasElement)).control.failNext('rate_limited', { method: 'contacts.requestEmailChange', retryAfter: 90 });
    const ui = await requestChange(canvasElement, 'later@example.org');
    await waitFor(() => expect(ui.getByRole('alert')).toHaveTextContent('Try again in 90 s'), SLOW);
  },
};

export const Russian: Story = { tags: ['states'], globals: { locale: 'ru' }, args: { account: 'individual-resident' } };
export const Dark: Story = { tags: ['states'], globals: { theme: 'dark' } };

/** `contacts.emailStatus` never answers: the skeleton stays. */
export const Loading: Story = { ...kit.loadingStory(EMAIL), tags: ['states'] };

/** Loading the status fails: an alert with Retry. */
export const LoadError: Story = { ...kit.loadErrorStory(EMAIL), tags: ['states'] };

/** Requesting the change fails on the network: the typed address stays, with the reason. */
export const RequestFailure: Story = {
  name: 'Request failure',
  tags: ['states'],
  args: { fault: 'fail-network', faultOn: 'save' },
  play: async ({ canvasElement }) => {
    const ui = await requestChange(canvasElement, 'new.address@example.org');
    await expect(await ui.findByRole('alert')).toHaveTextContent('No connection to the server');
    await expect(ui.getByRole('textbox', { name: 'New email' })).toHaveValue('new.address@example.org');
  },
};

export const Branded: Story = { tags: ['states'], globals: { theme: 'branded' } };
