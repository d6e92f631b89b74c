import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@acct/elements/profile';
import { findElement, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';

/**
 * `<acct-profile>` inside the provider that preview.ts puts around every story. The sample
 * **account** picks the cell of the control panel's matrix (account type x residency) or the
 * billing panel's profile; faults hit `profile.get` / `profile.update`.
 */
const meta = {
  title: 'Elements/Profile',
  component: 'acct-profile',
  render: () => html`<acct-profile></acct-profile>`,
  args: { account: 'company-resident' },
  parameters: {
    acct: { section: 'profile' } satisfies AcctParameters,
    controls: { include: ['account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

async function openForm(canvasElement: HTMLElement) {
  const el = await findElement(canvasElement, 'acct-profile');
  const ui = shadow(el);
  await userEvent.click(await ui.findByRole('button', { name: 'Change' }));
  return { el, ui };
}

/**
 * Types into a shadow-root input. userEvent.clear / type check `document.activeElement`, which is
 * the host element (not the input) inside a shadow root, so set the value as the browser would.
 */
function fill(input: HTMLElement, value: string): void {
  const i = input as HTMLInputElement;
  i.focus();
  i.value = value;
  i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  i.blur();
}

async function editAndSave(canvasElement: HTMLElement, label: string, value: string) {
  const { el, ui } = await openForm(canvasElement);
  const input = await ui.findByRole('textbox', { name: label });
  fill(input, value);
  const save = ui.getByRole('button', { name: 'Save' });
  await waitFor(() => expect(save).toBeEnabled());
  await userEvent.click(save);
  return { el, ui };
}

// ---- Overview: one story per cell of the matrix ------------------------------------------

/** Legal entity, resident of Russia: INN, KPP, OGRN, bank details bound to the BIC. */
export const CompanyResident: Story = {
  name: 'Company, resident',
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-profile'));
    await expect(await ui.findByText('7728456137')).toBeVisible();
  },
};
export const CompanyNonResident: Story = { name: 'Company, non-resident (EU)', tags: ['overview'], args: { account: 'company-non-resident' } };
export const IndividualResident: Story = { name: 'Individual, resident', tags: ['overview'], args: { account: 'individual-resident' } };
export const IndividualNonResident: Story = { name: 'Individual, non-resident', tags: ['overview'], args: { account: 'individual-non-resident' } };
export const SoleTrader: Story = { name: 'Sole trader', tags: ['overview'], args: { account: 'sole-trader' } };
export const StateInstitution: Story = { name: 'State institution', tags: ['overview'], args: { account: 'state-institution' } };
/** The billing panel's profile: required-for-payment fields, profile type switch. */
export const BillingIndividual: Story = { name: 'Billing panel: individual', tags: ['overview'], args: { account: 'billing-individual' } };
export const BillingCompany: Story = { name: 'Billing panel: company', tags: ['overview'], args: { account: 'billing-company' } };

/** The form, with the wrong check digit of an OGRN caught when the field is left. */
export const EditForm: Story = {
  name: 'Edit form with a wrong check digit',
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const { ui } = await openForm(canvasElement);
    const ogrn = await ui.findByRole('textbox', { name: 'OGRN (PSRN)' });
    fill(ogrn, '1187746123455');
    await expect(await ui.findByText(/check digit does not match/)).toBeVisible();
  },
};

// ---- States ------------------------------------------------------------------------------

/** A user who is not the main administrator: company data is shown read-only, with the reason. */
export const NonAdmin: Story = {
  name: 'Non-admin: company data read-only',
  tags: ['states'],
  parameters: { acct: { section: 'profile', data: { viewer: { role: 'admin' } } } satisfies AcctParameters },
  play: async ({ canvasElement }) => {
    const { ui } = await openForm(canvasElement);
    await expect((await ui.findAllByText(/main administrator/)).length).toBeGreaterThan(0);
  },
};

/** Required-for-payment fields are empty: the banner lists them; each opens the form at the field. */
export const MissingRequired: Story = {
  name: 'Missing required for payment',
  tags: ['states'],
  args: { account: 'billing-individual' },
  parameters: {
    acct: { section: 'profile', data: { profile: { phone: null, postalAddress: { city: '', line1: '' } } } } satisfies AcctParameters,
  },
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-profile'));
    await expect(await ui.findByText('Payment is not possible until these fields are filled in:')).toBeVisible();
  },
};

/** Saving a change of confirmed company data: the adapter answers with ticket T-1001. */
export const TicketCreated: Story = {
  name: 'Ticket created',
  tags: ['states'],
  play: async ({ canvasElement }) => {
    const { ui } = await editAndSave(canvasElement, 'KPP', '772801002');
    await expect(await ui.findByText(/Ticket T-1001 was created/)).toBeVisible();
  },
};

/** The server refuses a value: the message shows next to the field, focus moves there. */
export const ServerValidation: Story = {
  name: 'Server validation error',
  tags: ['states'],
  args: { fault: 'fail-validation' },
  parameters: { acct: { section: 'profile', fieldErrors: { kpp: 'This KPP is not registered with the tax office.' } } satisfies AcctParameters },
  play: async ({ canvasElement }) => {
    const { ui } = await editAndSave(canvasElement, 'KPP', '772801002');
    await expect(await ui.findByText('This KPP is not registered with the tax office.')).toBeVisible();
  },
};

export const Conflict: Story = {
  tags: ['states'],
  args: { fault: 'conflict' },
  play: async ({ canvasElement }) => {
    const { ui } = await editAndSave(canvasElement, 'KPP', '772801002');
    await expect(await ui.findByRole('button', { name: 'Keep my version' })).toBeVisible();
  },
};

export const Loading: Story = { tags: ['states'], args: { fault: 'hang', faultOn: 'load' } };
export const LoadError: Story = { name: 'Load error', tags: ['states'], args: { fault: 'fail-network', faultOn: 'load' } };

/** The save fails on the network: the edit stays in the form, with the reason and Save again. */
export const SaveFailure: Story = {
  name: 'Save failure',
  tags: ['states'],
  args: { fault: 'fail-network', faultOn: 'save' },
  play: async ({ canvasElement }) => {
    const { ui } = await editAndSave(canvasElement, 'KPP', '772801002');
    await expect(await ui.findByRole('alert')).toHaveTextContent('Your changes are kept.');
    await expect(ui.getByRole('textbox', { name: 'KPP' })).toHaveValue('772801002');
  },
};

/** Saving needs the password again: the dialog asks for it (demo password `correct horse battery staple`). */
export const ReauthRequired: Story = {
  name: 'Reauth required',
  tags: ['states'],
  args: { fault: 'reauth' },
  play: async ({ canvasElement }) => {
    const { ui } = await editAndSave(canvasElement, 'KPP', '772801002');
    await expect(await ui.findByRole('dialog', { name: 'Confirm it is you' })).toBeVisible();
  },
};

/** Host custom fields declared by the policy render like built-in ones. */
export const CustomFields: Story = {
  name: 'Custom fields',
  tags: ['states'],
  args: { account: 'billing-individual' },
  parameters: {
    acct: {
      section: 'profile',
      policy: {
        fields: { username: { editable: false }, lastName: { required: true }, firstName: { required: true }, email: { required: true } },
        custom: [
          { id: 'taxExempt', label: { en: 'Tax exempt', ru: 'Освобождён от НДС' }, type: 'checkbox' },
          { id: 'poNumber', label: { en: 'Purchase order number', ru: 'Номер заказа на закупку' }, type: 'text', pattern: 'PO-\\d+', hint: 'PO-12345' },
        ],
      },
    } satisfies AcctParameters,
  },
};

export const Russian: Story = { tags: ['states'], globals: { locale: 'ru' }, args: { account: 'company-resident' } };
export const Dark: Story = { tags: ['states'], globals: { theme: 'dark' }, args: { account: 'sole-trader' } };
export const Branded: Story = {
  tags: ['states'],
  globals: { theme: 'branded' },
  parameters: {
    acct: { section: 'profile', brandName: 'Northwind Cloud', brand: { primary: '#0f766e', radius: '12px' } } satisfies AcctParameters,
  },
};

/** Waits for the payment banner in the Russian billing profile (it is translated too). */
export const RussianMissingRequired: Story = {
  name: 'Russian: missing required',
  tags: ['states'],
  globals: { locale: 'ru' },
  args: { account: 'billing-individual' },
  parameters: { acct: { section: 'profile', data: { profile: { lastName: '' } } } satisfies AcctParameters },
  play: async ({ canvasElement }) => {
    const el = await findElement(canvasElement, 'acct-profile');
    await waitFor(() => expect(el.shadowRoot).toHaveTextContent('Оплата невозможна'), SLOW);
  },
};
