import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import '@acct/elements/api-keys';
import { findElement, shadow, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';
import * as kit from './list-story-kit.js';

const target: kit.ListStoryTarget = { tag: 'acct-api-keys', section: 'apiKeys', methods: { load: 'apiKeys.list', save: 'apiKeys.create' } };

/**
 * `<acct-api-keys>`: the account's API keys. A new key's secret is shown once, in a dialog with
 * Copy; revoking asks first and names the key. Faults hit `apiKeys.list` (load) or
 * `apiKeys.create` (save).
 */
const meta = {
  title: 'Elements/API keys',
  component: 'acct-api-keys',
  render: () => html`<acct-api-keys></acct-api-keys>`,
  parameters: {
    acct: { section: 'apiKeys', methods: target.methods } satisfies AcctParameters,
    controls: { include: ['account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

export const Overview: Story = {
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-api-keys'));
    await expect(await ui.findByRole('table', { name: 'API keys' })).toHaveTextContent('Terraform');
  },
};

export const Loading: Story = { ...kit.loadingStory(target), tags: ['states'] };
export const LoadError: Story = { ...kit.loadErrorStory(target), tags: ['states'] };
export const Malformed: Story = { ...kit.malformedStory(target), tags: ['states'] };
export const CreateFailure: Story = { ...kit.actionFailureStory(target), tags: ['states'] };
export const ReauthRequired: Story = { ...kit.reauthStory(target), tags: ['states'] };
export const MissingSubApi: Story = { ...kit.missingStory(target), tags: ['states'] };
export const Empty: Story = { ...kit.withData(target, { apiKeys: [] }), tags: ['states'] };
export const Russian: Story = { ...kit.russian, tags: ['states'] };
export const Dark: Story = { ...kit.dark, tags: ['states'] };
export const Branded: Story = { ...kit.branded, tags: ['states'] };
export const RTL: Story = { ...kit.rtl, tags: ['states'] };

/** Create a key, see the secret once with the warning, then close: the secret is gone. */
export const CreateFlow: Story = {
  name: 'Create flow',
  tags: ['interactions'],
  play: async ({ canvasElement, step }) => {
    const el = await findElement(canvasElement, 'acct-api-keys');
    const ui = shadow(el);
    await step('Name the key and create it', async () => {
      await userEvent.type(await ui.findByRole('textbox', { name: 'Name' }), 'Storybook');
      await userEvent.click(ui.getByRole('button', { name: 'Create key' }));
    });
    await step('The secret is shown once, with a warning', async () => {
      const dialog = await ui.findByRole('dialog', { name: 'Your new key "Storybook"' });
      await expect(dialog).toHaveTextContent('only time the key is shown');
      await expect(ui.getByRole('textbox', { name: 'API key' })).not.toHaveValue('');
    });
    await step('Done closes it and drops the secret', async () => {
      await userEvent.click(ui.getByRole('button', { name: 'Done, I have stored it' }));
      await expect(await ui.findByRole('table', { name: 'API keys' })).toHaveTextContent('Storybook');
    });
  },
};
