import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@acct/elements/panel-settings';
import { findElement, liveRegion, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';

/**
 * `<acct-panel-settings>` inside the provider that preview.ts puts around every story. The memory
 * adapter comes from the args (Controls: account, latency, fault); the toolbar switches theme,
 * locale and direction.
 */
const meta = {
  title: 'Elements/Panel settings',
  component: 'acct-panel-settings',
  render: () => html`<acct-panel-settings></acct-panel-settings>`,
  parameters: {
    acct: { section: 'panel' } satisfies AcctParameters,
    controls: { include: ['account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

/** Picks a theme radio and presses Save, the way a user does. */
async function chooseThemeAndSave(canvasElement: HTMLElement, theme: string) {
  const panel = await findElement(canvasElement, 'acct-panel-settings');
  const ui = shadow(panel);
  await userEvent.click(await ui.findByRole('radio', { name: theme }));
  const save = ui.getByRole('button', { name: 'Save' });
  await waitFor(() => expect(save).toBeEnabled());
  await userEvent.click(save);
  return { panel, ui };
}

// ---- Overview ----------------------------------------------------------------------------

/** Language, theme and the reset of saved filters and order forms, loaded from the adapter. */
export const Overview: Story = {
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const panel = await findElement(canvasElement, 'acct-panel-settings');
    const ui = shadow(panel);
    await expect(await ui.findByRole('combobox', { name: 'Interface language' })).toHaveValue('en');
    await expect(ui.getByRole('radio', { name: 'Light' })).toBeChecked();
  },
};

// ---- States ------------------------------------------------------------------------------

/** `panel.get` never answers: the skeleton stays. */
export const Loading: Story = {
  tags: ['states'],
  args: { fault: 'hang', faultOn: 'load' },
  play: async ({ canvasElement }) => {
    const panel = await findElement(canvasElement, 'acct-panel-settings');
    await waitFor(() => expect(panel.shadowRoot!.querySelector('[aria-busy="true"]')).not.toBeNull(), SLOW);
  },
};

/** The next `panel.get` fails with `network`: an alert with Retry (which then succeeds). */
export const LoadError: Story = {
  name: 'Load error',
  tags: ['states'],
  args: { fault: 'fail-network', faultOn: 'load' },
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-panel-settings'));
    await expect(await ui.findByRole('alert')).toHaveTextContent('No connection to the server');
    await expect(ui.getByRole('button', { name: 'Retry' })).toBeEnabled();
  },
};

/** The next `panel.update` fails with `network`: the edit is kept, with Retry. */
export const SaveFailure: Story = {
  name: 'Save failure',
  tags: ['states'],
  args: { fault: 'fail-network', faultOn: 'save' },
  play: async ({ canvasElement }) => {
    const { ui } = await chooseThemeAndSave(canvasElement, 'Dark');
    await expect(await ui.findByRole('alert')).toHaveTextContent('Your changes are kept.');
    await expect(ui.getByRole('radio', { name: 'Dark' })).toBeChecked();
  },
};

/** Another tab saved first: both versions side by side, the user picks one. */
export const Conflict: Story = {
  tags: ['states'],
  args: { fault: 'conflict' },
  play: async ({ canvasElement }) => {
    const { ui } = await chooseThemeAndSave(canvasElement, 'Branded');
    await expect(await ui.findByRole('button', { name: 'Keep my version' })).toBeVisible();
    await expect(ui.getByRole('table')).toHaveTextContent('Theme');
  },
};

/**
 * Saving needs the password again (`reauth_required`): the dialog asks for it. The demo password
 * is `correct horse battery staple`, the demo code `123456`.
 */
export const ReauthRequired: Story = {
  name: 'Reauth required',
  tags: ['states'],
  args: { fault: 'reauth' },
  play: async ({ canvasElement }) => {
    const { ui } = await chooseThemeAndSave(canvasElement, 'Dark');
    await expect(await ui.findByRole('dialog', { name: 'Confirm it is you' })).toBeVisible();
  },
};

/** The host's adapter has no `panel` sub-API: the element says so instead of failing. */
export const MissingSubApi: Story = {
  name: 'Missing sub-API',
  tags: ['states'],
  parameters: { acct: { section: 'panel', without: ['panel'] } satisfies AcctParameters },
  play: async ({ canvasElement }) => {
    const panel = await findElement(canvasElement, 'acct-panel-settings');
    await waitFor(() => expect(panel.shadowRoot).toHaveTextContent('the account adapter has no "panel" API'), SLOW);
  },
};

/** Russian interface (the locale is page-wide), with an account whose saved language is Russian. */
export const Russian: Story = {
  tags: ['states'],
  globals: { locale: 'ru' },
  args: { account: 'individual-resident' },
  play: async ({ canvasElement }) => {
    const provider = await findElement(canvasElement, 'acct-provider');
    const panel = await findElement(canvasElement, 'acct-panel-settings');
    await waitFor(() => expect(provider).toHaveAttribute('lang', 'ru'), SLOW);
    await waitFor(() => expect(panel.shadowRoot!.querySelector('select[name="language"]')).toHaveValue('ru'), SLOW);
  },
};

export const Dark: Story = {
  tags: ['states'],
  globals: { theme: 'dark' },
};

/** The branded theme with a partner's colour, font and radius (see Provider for more). */
export const Branded: Story = {
  tags: ['states'],
  globals: { theme: 'branded' },
  parameters: {
    acct: {
      section: 'panel',
      brandName: 'Northwind Cloud',
      brand: { primary: '#0f766e', font: 'Georgia, "Times New Roman", serif', radius: '12px' },
    } satisfies AcctParameters,
  },
};

export const RTL: Story = {
  tags: ['states'],
  globals: { dir: 'rtl' },
};

// ---- Interactions ------------------------------------------------------------------------

/** Main flow: pick the dark theme (the page follows at once), Save, hear "Saved.". */
export const SaveFlow: Story = {
  name: 'Save flow',
  tags: ['interactions'],
  play: async ({ canvasElement, step }) => {
    const provider = canvasElement.querySelector('acct-provider');
    const panel = await findElement(canvasElement, 'acct-panel-settings');
    await step('Choose "Dark" and save', async () => {
      await chooseThemeAndSave(canvasElement, 'Dark');
    });
    await step('The provider follows the preview', async () => {
      await expect(provider?.theme).toBe('dark');
    });
    await step('The live region announces the save', async () => {
      await waitFor(() => expect(liveRegion(panel)).toHaveTextContent('Saved.'), SLOW);
    });
  },
};

/** Reset flow: "Reset user settings", confirm in the dialog, see the confirmation. */
export const ResetFlow: Story = {
  name: 'Reset flow',
  tags: ['interactions'],
  play: async ({ canvasElement, step }) => {
    const panel = await findElement(canvasElement, 'acct-panel-settings');
    const ui = shadow(panel);
    await step('Ask to reset', async () => {
      await userEvent.click(await ui.findByRole('button', { name: 'Reset user settings' }));
    });
    await step('Confirm in the dialog', async () => {
      const dialog = await ui.findByRole('dialog', { name: 'Reset user settings?' });
      await expect(dialog).toBeVisible();
      await userEvent.click(shadow(panel).getByRole('button', { name: 'Reset' }));
    });
    await step('The reset is announced', async () => {
      await waitFor(() => expect(liveRegion(panel)).toHaveTextContent('User settings were reset.'), SLOW);
    });
  },
};
