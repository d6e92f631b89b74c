import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@acct/elements/notifications';
import { findElement, liveRegion, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';
import * as kit from './list-story-kit.js';

const NOTIFICATIONS: kit.ListStoryTarget = {
  tag: 'acct-notifications',
  section: 'notifications',
  methods: { load: 'notifications.get', save: 'notifications.update' },
};

/** `<acct-notifications>`: newsletter, low-balance threshold in the account currency, notification addresses. */
const meta = {
  title: 'Elements/Notifications',
  component: 'acct-notifications',
  render: () => html`<acct-notifications></acct-notifications>`,
  parameters: {
    acct: { section: 'notifications' } satisfies AcctParameters,
    controls: { include: ['account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

async function typeThreshold(canvasElement: HTMLElement, text: string) {
  const el = await findElement(canvasElement, 'acct-notifications');
  const ui = shadow(el);
  const field = (await ui.findByRole('textbox', { name: /Threshold/ })) as HTMLInputElement;
  // Replace what is there, as select-all then typing does (userEvent.clear cannot focus inside a shadow root).
  await userEvent.type(field, text, { initialSelectionStart: 0, initialSelectionEnd: field.value.length });
  await userEvent.tab();
  return { el, ui, field };
}

/** Types a threshold and presses Save (the state stories then show what the fault does). */
async function saveThreshold(canvasElement: HTMLElement, text: string) {
  const typed = await typeThreshold(canvasElement, text);
  await userEvent.click(typed.ui.getByRole('button', { name: 'Save' }));
  return typed;
}

export const Overview: Story = {
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-notifications'));
    await expect(await ui.findByRole('checkbox', { name: 'Send me the newsletter' })).toBeVisible();
  },
};

/** A threshold of 1,500.50 saved and shown back exactly. */
export const SaveThreshold: Story = {
  name: 'Save a threshold',
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const { el, ui, field } = await typeThreshold(canvasElement, '1,500.50');
    await userEvent.click(ui.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(liveRegion(el)).toHaveTextContent('Saved.'), SLOW);
    await expect(field).toHaveValue('1,500.50');
  },
};

/** A negative amount: the text stays as typed and the field explains the problem. */
export const InvalidThreshold: Story = {
  name: 'Invalid threshold',
  tags: ['states'],
  play: async ({ canvasElement }) => {
    const { ui, field } = await typeThreshold(canvasElement, '-20');
    await userEvent.click(ui.getByRole('button', { name: 'Save' }));
    await expect(field).toHaveValue('-20');
    await expect(await ui.findByText('The amount cannot be negative.')).toBeVisible();
  },
};

export const Loading: Story = { tags: ['states'], args: { fault: 'hang', faultOn: 'load' } };
export const LoadError: Story = { name: 'Load error', tags: ['states'], args: { fault: 'fail-network', faultOn: 'load' } };

export const Russian: Story = {
  tags: ['states'],
  globals: { locale: 'ru' },
  args: { account: 'company-resident' },
  play: async ({ canvasElement }) => {
    const el = await findElement(canvasElement, 'acct-notifications');
    await waitFor(() => expect(el.shadowRoot).toHaveTextContent('Порог, RUB'), SLOW);
  },
};

export const Dark: Story = { tags: ['states'], globals: { theme: 'dark' } };
export const Branded: Story = { tags: ['states'], globals: { theme: 'branded' } };

/** The save fails on the network: the threshold typed stays, with the reason. */
export const SaveFailure: Story = {
  name: 'Save failure',
  tags: ['states'],
  args: { fault: 'fail-network', faultOn: 'save' },
  play: async ({ canvasElement }) => {
    const { ui, field } = await saveThreshold(canvasElement, '750');
    await expect(await ui.findByRole('alert')).toHaveTextContent('Your changes are kept.');
    await expect(field).toHaveValue('750');
  },
};

/** Another tab saved first: both versions side by side, the user picks one. */
export const Conflict: Story = {
  tags: ['states'],
  args: { fault: 'conflict' },
  play: async ({ canvasElement }) => {
    const { ui } = await saveThreshold(canvasElement, '750');
    await expect(await ui.findByRole('button', { name: 'Keep my version' })).toBeVisible();
  },
};

/** Saving needs the password again: the dialog asks for it (demo password `correct horse battery staple`). */
export const ReauthRequired: Story = {
  name: 'Reauth required',
  tags: ['states'],
  args: { fault: 'reauth' },
  play: async ({ canvasElement }) => {
    const { ui } = await saveThreshold(canvasElement, '750');
    await expect(await ui.findByRole('dialog', { name: 'Confirm it is you' })).toBeVisible();
  },
};

/** The host's adapter has no `notifications` sub-API: the element says so instead of failing. */
export const MissingSubApi: Story = { ...kit.missingStory(NOTIFICATIONS), tags: ['states'] };
