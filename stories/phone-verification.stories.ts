import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { MemoryAdapter } from '@acct/adapter-memory';
import '@acct/elements/phone-verification';
import { findElement, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';

/**
 * `<acct-phone-verification>`: SMS or call ("last four digits"), second gateway, ticket fallback.
 * Memory adapter codes: SMS `123456`, call `4321`.
 */
const meta = {
  title: 'Elements/Phone verification',
  component: 'acct-phone-verification',
  render: () => html`<acct-phone-verification country="RU"></acct-phone-verification>`,
  parameters: { acct: { section: 'contacts' } satisfies AcctParameters, controls: { include: ['account', 'latency'] } },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

async function start(canvasElement: HTMLElement, number: string, method: 'sms' | 'call') {
  const el = await findElement(canvasElement, 'acct-phone-verification');
  const ui = shadow(el);
  await waitFor(() => expect(el.shadowRoot!.querySelectorAll('select[name=country] option').length).toBeGreaterThan(100), SLOW);
  await userEvent.type(ui.getByRole('textbox', { name: 'Mobile phone' }), number);
  if (method === 'call') await userEvent.click(ui.getByRole('radio', { name: /A call/ }));
  return { el, ui };
}

export const Overview: Story = { tags: ['overview'] };

/** An SMS code was sent; the code input (light DOM, one-time-code) waits. */
export const SmsCode: Story = {
  name: 'SMS code',
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const { el, ui } = await start(canvasElement, '+7 916 123 45 67', 'sms');
    await userEvent.click(ui.getByRole('button', { name: 'Send code' }));
    await waitFor(() => expect(el.querySelector('input[name=code]')).not.toBeNull(), SLOW);
  },
};

/** A landline: SMS is off with the reason, the call explains the four digits. */
export const Landline: Story = {
  tags: ['states'],
  play: async ({ canvasElement }) => {
    const { ui } = await start(canvasElement, '+7 495 123 45 67', 'sms');
    await expect(ui.getByRole('radio', { name: 'SMS with a code' })).toBeDisabled();
    await expect(await ui.findByText(/pick up the handset/)).toBeVisible();
  },
};

/** The first gateway fails: the element offers the second one. */
export const SecondGateway: Story = {
  name: 'Second gateway',
  tags: ['states'],
  play: async ({ canvasElement }) => {
    const adapter = (await findElement(canvasElement, 'acct-provider')).adapter as MemoryAdapter;
    adapter.control.failNext('unavailable', { method: 'contacts.startPhoneVerification' });
    const { ui } = await start(canvasElement, '+7 916 123 45 67', 'call');
    await userEvent.click(ui.getByRole('button', { name: 'Call me' }));
    await expect(await ui.findByRole('button', { name: 'Try the second gateway' })).toBeVisible();
  },
};

/** Both gateways failed: a prefilled support ticket. */
export const TicketFallback: Story = {
  name: 'Ticket fallback',
  tags: ['states'],
  play: async ({ canvasElement }) => {
    const adapter = (await findElement(canvasElement, 'acct-provider')).adapter as MemoryAdapter;
    adapter.control.failNext('unavailable', { method: 'contacts.startPhoneVerification', times: 2 });
    const { ui } = await start(canvasElement, '+7 916 123 45 67', 'call');
    await userEvent.click(ui.getByRole('button', { name: 'Call me' }));
    await userEvent.click(await ui.findByRole('button', { name: 'Try the second gateway' }));
    await userEvent.click(ui.getByRole('button', { name: 'Call me' }));
    await userEvent.click(await ui.findByRole('button', { name: 'Create a support ticket' }));
    const message = (await ui.findByRole('textbox', { name: 'Message to support' })) as HTMLTextAreaElement;
    await expect(message.value).toContain('+7 916');
    await expect(message.value).toContain('second gateway');
  },
};

/** Too many requests: the button counts down. */
export const RateLimited: Story = {
  name: 'Rate limited',
  tags: ['states'],
  play: async ({ canvasElement }) => {
    const adapter = (await findElement(canvasElement, 'acct-provider')).adapter as MemoryAdapter;
    adapter.control.failNext('rate_limited', { method: 'contacts.startPhoneVerification', retryAfter: 120 });
    const { ui } = await start(canvasElement, '+7 916 123 45 67', 'sms');
    await userEvent.click(ui.getByRole('button', { name: 'Send code' }));
    await expect(await ui.findByRole('button', { name: /Try again in \d+ s/ })).toBeDisabled();
  },
};

export const Russian: Story = { tags: ['states'], globals: { locale: 'ru' } };
export const Dark: Story = { tags: ['states'], globals: { theme: 'dark' } };
export const Branded: Story = { tags: ['states'], globals: { theme: 'branded' } };
