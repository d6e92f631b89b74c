import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@acct/elements/security';
import { findElement, liveRegion, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';

/**
 * `<acct-security>` inside the provider that preview.ts puts around every story. The memory
 * adapter accepts the password `correct horse battery staple` and the two-factor code `123456`.
 * Faults from Controls hit `security.get` / `security.update` (the IP list and last-IP switch).
 */
const meta = {
  title: 'Elements/Security',
  component: 'acct-security',
  render: () => html`<acct-security></acct-security>`,
  parameters: {
    acct: { section: 'security' } satisfies AcctParameters,
    controls: { include: ['account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

async function ready(canvasElement: HTMLElement) {
  const el = await findElement(canvasElement, 'acct-security');
  const ui = shadow(el);
  await ui.findByRole('textbox', { name: 'Allowed IP addresses' });
  return { el, ui };
}

/** Light-DOM credential input by its name (password managers see these). */
async function lightInput(el: HTMLElement, name: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const input = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input) throw new Error(`no input ${name}`);
    return input;
  }, SLOW);
}

async function typeIpList(canvasElement: HTMLElement, text: string) {
  const { el, ui } = await ready(canvasElement);
  const box = ui.getByRole('textbox', { name: 'Allowed IP addresses' });
  // Pasted, as people do with lists. (user-event cannot focus a textarea in a shadow root: its
  // check reads document.activeElement, which is the host, so the paste is dispatched here.)
  (box as HTMLTextAreaElement).value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
  return { el, ui };
}

// ---- Overview ----------------------------------------------------------------------------

/** Access to billing (IP list, last IP), password, two-factor and the code word. */
export const Overview: Story = {
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const { ui } = await ready(canvasElement);
    await expect(ui.getByRole('button', { name: 'Change password' })).toBeEnabled();
    await expect(ui.getByRole('button', { name: 'Turn on two-factor authentication' })).toBeEnabled();
  },
};

// ---- States ------------------------------------------------------------------------------

export const Loading: Story = {
  tags: ['states'],
  args: { fault: 'hang', faultOn: 'load' },
  play: async ({ canvasElement }) => {
    const el = await findElement(canvasElement, 'acct-security');
    await waitFor(() => expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).not.toBeNull(), SLOW);
  },
};

export const LoadError: Story = {
  name: 'Load error',
  tags: ['states'],
  args: { fault: 'fail-network', faultOn: 'load' },
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-security'));
    await expect(await ui.findByRole('alert')).toHaveTextContent('No connection to the server');
  },
};

/** The next `security.update` fails: the edit is kept, with Retry. */
export const SaveFailure: Story = {
  name: 'Save failure',
  tags: ['states'],
  args: { fault: 'fail-network', faultOn: 'save' },
  play: async ({ canvasElement }) => {
    const { ui } = await ready(canvasElement);
    await userEvent.click(ui.getByRole('checkbox', { name: 'Display last IP' }));
    await userEvent.click(ui.getByRole('button', { name: 'Save' }));
    await expect(await ui.findByRole('alert')).toHaveTextContent('Your changes are kept.');
  },
};

export const Conflict: Story = {
  tags: ['states'],
  args: { fault: 'conflict' },
  play: async ({ canvasElement }) => {
    const { ui } = await ready(canvasElement);
    await userEvent.click(ui.getByRole('checkbox', { name: 'Display last IP' }));
    await userEvent.click(ui.getByRole('button', { name: 'Save' }));
    await expect(await ui.findByRole('button', { name: 'Keep my version' })).toBeVisible();
  },
};

/** Saving needs the password again: the dialog asks for it (`correct horse battery staple`). */
export const ReauthRequired: Story = {
  name: 'Reauth required',
  tags: ['states'],
  args: { fault: 'reauth' },
  play: async ({ canvasElement }) => {
    const { ui } = await ready(canvasElement);
    await userEvent.click(ui.getByRole('checkbox', { name: 'Display last IP' }));
    await userEvent.click(ui.getByRole('button', { name: 'Save' }));
    await expect(await ui.findByRole('dialog', { name: 'Confirm it is you' })).toBeVisible();
  },
};

/** Bad lines of a pasted list, each reported with its number and reason. */
export const BadIpLines: Story = {
  name: 'Bad IP lines',
  tags: ['states'],
  play: async ({ canvasElement }) => {
    const { ui } = await typeIpList(canvasElement, '192.0.2.200\n010.0.0.1\n127.1\n10.0.0.9-10.0.0.1\n10.0.0.1/8\nfe80::1%eth0\n0.0.0.0/0');
    await waitFor(() => expect(ui.getByText(/Line 2:/)).toBeVisible(), SLOW);
    await expect(ui.getByText(/Line 6:/)).toBeVisible();
  },
};

/** A list without the current address: a warning, "Add my current IP", and Save asks first. */
export const LockoutWarning: Story = {
  name: 'Lockout warning',
  tags: ['states'],
  play: async ({ canvasElement }) => {
    const { ui } = await typeIpList(canvasElement, '198.51.100.0/24');
    await expect(await ui.findByRole('button', { name: 'Add my current IP' })).toBeVisible();
    await userEvent.click(ui.getByRole('button', { name: 'Save' }));
    await expect(await ui.findByRole('dialog', { name: 'Save a list without your address?' })).toBeVisible();
  },
};

/** The current password is wrong: the message is on that field; the new password is kept. */
export const WrongPassword: Story = {
  name: 'Wrong password',
  tags: ['states'],
  play: async ({ canvasElement }) => {
    const { el, ui } = await ready(canvasElement);
    await userEvent.click(ui.getByRole('button', { name: 'Change password' }));
    await userEvent.type(await lightInput(el, 'current'), 'not my password');
    await userEvent.type(await lightInput(el, 'next'), 'violet tractor mumbles quietly');
    await userEvent.type(await lightInput(el, 'confirm'), 'violet tractor mumbles quietly');
    await userEvent.click(ui.getByRole('button', { name: 'Save new password' }));
    await waitFor(() => expect(el.querySelector('input[name="current"]')).toHaveAttribute('aria-invalid', 'true'), SLOW);
  },
};

/** An account whose code word is set: no value, no edit, a change goes through support. */
export const CodeWordSet: Story = {
  name: 'Code word already set',
  tags: ['states'],
  args: { account: 'company-resident' },
  play: async ({ canvasElement }) => {
    const { ui } = await ready(canvasElement);
    await expect(ui.getByText(/A code word is set/)).toBeVisible();
    await expect(ui.getByRole('button', { name: 'Request a change' })).toBeEnabled();
  },
};

export const MissingSubApi: Story = {
  name: 'Missing sub-API',
  tags: ['states'],
  parameters: { acct: { section: 'security', without: ['security'] } satisfies AcctParameters },
  play: async ({ canvasElement }) => {
    const el = await findElement(canvasElement, 'acct-security');
    await waitFor(() => expect(el.shadowRoot).toHaveTextContent('the account adapter has no "security" API'), SLOW);
  },
};

export const Russian: Story = {
  tags: ['states'],
  globals: { locale: 'ru' },
  play: async ({ canvasElement }) => {
    const el = await findElement(canvasElement, 'acct-security');
    await waitFor(() => expect(el.shadowRoot).toHaveTextContent('Разрешённые IP-адреса'), SLOW);
  },
};

export const Dark: Story = {
  tags: ['states'],
  globals: { theme: 'dark' },
};

export const Branded: Story = {
  tags: ['states'],
  globals: { theme: 'branded' },
  parameters: {
    acct: {
      section: 'security',
      brandName: 'Northwind Cloud',
      brand: { primary: '#0f766e', font: 'Georgia, "Times New Roman", serif', radius: '12px' },
    } satisfies AcctParameters,
  },
};

// ---- Interactions ------------------------------------------------------------------------

/** Two-factor: the QR code is drawn in the page, then code `123456`, then recovery codes. */
export const TwoFactorFlow: Story = {
  name: 'Two-factor flow',
  tags: ['interactions'],
  play: async ({ canvasElement, step }) => {
    const { el, ui } = await ready(canvasElement);
    await step('Turn on', async () => {
      await userEvent.click(ui.getByRole('button', { name: 'Turn on two-factor authentication' }));
      await expect(await ui.findByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    });
    await step('Confirm with a code', async () => {
      await userEvent.type(await lightInput(el, 'code'), '123456');
      await userEvent.click(ui.getByRole('button', { name: 'Turn on' }));
      await expect(await ui.findByRole('list', { name: 'Recovery codes' })).toBeVisible();
    });
  },
};

/** Password change with the demo password; then the offer to sign out other sessions. */
export const PasswordFlow: Story = {
  name: 'Password flow',
  tags: ['interactions'],
  play: async ({ canvasElement, step }) => {
    const { el, ui } = await ready(canvasElement);
    await step('Fill the form', async () => {
      await userEvent.click(ui.getByRole('button', { name: 'Change password' }));
      await userEvent.type(await lightInput(el, 'current'), 'correct horse battery staple');
      await userEvent.type(await lightInput(el, 'next'), 'violet tractor mumbles quietly');
      await userEvent.type(await lightInput(el, 'confirm'), 'violet tractor mumbles quietly');
      await userEvent.click(ui.getByRole('button', { name: 'Save new password' }));
    });
    await step('Changed, and other sessions can be signed out', async () => {
      await waitFor(() => expect(liveRegion(el)).toHaveTextContent('Your password was changed.'), SLOW);
      await expect(await ui.findByRole('button', { name: 'Sign out other sessions' })).toBeVisible();
    });
  },
};
