import '@acct/elements/provider';
import '@acct/elements/profile';
import { createMemoryAdapter, type MemoryAdapter, type SampleAccountId } from '@acct/adapter-memory';
import type { AcctProfile } from '@acct/elements';
import type { DeepPartial, SampleAccount } from '@acct/adapter-memory';
import type { ProfilePolicyInput } from '@acct/core';
import { expect, fixture, html, liveText, recordEvents, shadow, until, untilForm } from './helpers.js';
import { FORM, runSettingsContract } from './settings-contract.js';

const input = (el: Element, name: string) => shadow(el).querySelector<HTMLInputElement>(`[name="${name}"]`)!;

async function type(el: Element, name: string, value: string): Promise<void> {
  const i = input(el, name);
  i.focus();
  i.value = value;
  i.dispatchEvent(new Event('input'));
  i.blur();
  await (el as AcctProfile).updateComplete;
}

function button(el: Element, label: RegExp): HTMLButtonElement {
  const b = [...shadow(el).querySelectorAll('button')].find((x) => label.test(x.textContent ?? ''));
  if (!b) throw new Error(`no button ${label}`);
  return b;
}

function errorOf(el: Element, name: string): string {
  const ids = (input(el, name).getAttribute('aria-describedby') ?? '').split(' ');
  return ids.filter((id) => id.endsWith('-error')).map((id) => shadow(el).getElementById(id)?.textContent ?? '').join(' ');
}

async function mount(
  account: SampleAccountId,
  o: { data?: DeepPartial<SampleAccount>; policy?: ProfilePolicyInput; mode?: string } = {},
): Promise<{ el: AcctProfile; adapter: MemoryAdapter }> {
  const adapter = createMemoryAdapter({ account, data: o.data, policy: o.policy });
  const provider = await fixture(html`<acct-provider .adapter=${adapter}><acct-profile mode=${o.mode ?? 'view'}></acct-profile></acct-provider>`);
  const el = provider.querySelector('acct-profile')!;
  await until(() => shadow(el).querySelector('[data-field]'), 'profile loaded');
  if (o.mode === 'form') await untilForm(el);
  return { el, adapter };
}

async function change(el: AcctProfile): Promise<void> {
  button(el, /^\s*change\s*$/i).click();
  await untilForm(el);
}

/** Top-level fields the form shows (inputs and read-only text), addresses once. */
function shownFields(el: Element): string[] {
  const fields = [...shadow(el).querySelectorAll(`${FORM} [data-field]`)].map((n) => n.getAttribute('data-field')!);
  return [...new Set(fields.filter((f) => !f.includes('.')))].sort();
}

runSettingsContract({
  tag: 'acct-profile',
  domain: 'profile',
  render: (adapter) => html`<acct-provider .adapter=${adapter}><acct-profile mode="form"></acct-profile></acct-provider>`,
  edit: (el) => type(el, 'firstName', 'Johannes'),
  expectEdited: (el) => expect(input(el, 'firstName').value).to.equal('Johannes'),
  expectStored: (adapter) => expect(adapter.control.snapshot().profile.firstName).to.equal('Johannes'),
  field: 'firstName',
});

/** Document 002's table, cell by cell (discount and verification are shown as status, not fields). */
const MATRIX: Partial<Record<SampleAccountId, string[]>> = {
  'individual-resident': ['lastName', 'firstName', 'middleName', 'birthDate', 'birthPlace', 'passportNumber', 'passportIssuedBy', 'passportIssueDate', 'postalAddress', 'email', 'phone'],
  'individual-non-resident': ['lastName', 'firstName', 'middleName', 'birthDate', 'birthPlace', 'passportNumber', 'passportIssuedBy', 'passportIssueDate', 'postalAddress', 'email', 'phone', 'country'],
  'company-resident': ['companyName', 'inn', 'kpp', 'ogrn', 'authorizedPerson', 'position', 'authorizedBy', 'bic', 'bankName', 'correspondentAccount', 'settlementAccount', 'actualAddress', 'legalAddress', 'phone', 'fax', 'contactPerson', 'contactEmail', 'contactPhone', 'documentsDelivery'],
  'company-non-resident': ['companyName', 'country', 'vatin', 'authorizedPerson', 'bankName', 'swift', 'accountNumber', 'actualAddress', 'legalAddress', 'phone', 'fax', 'contactPerson', 'contactEmail', 'contactPhone'],
  'sole-trader': ['companyName', 'inn', 'passportNumber', 'passportIssuedBy', 'passportIssueDate', 'bic', 'bankName', 'correspondentAccount', 'settlementAccount', 'actualAddress', 'legalAddress', 'contactPerson', 'contactEmail', 'contactPhone', 'documentsDelivery'],
  'state-institution': ['companyName', 'inn', 'kpp', 'ogrn', 'authorizedPerson', 'position', 'authorizedBy', 'bic', 'bankName', 'personalAccount', 'settlementAccount', 'actualAddress', 'legalAddress', 'phone', 'fax', 'contactPerson', 'contactEmail', 'contactPhone', 'documentsDelivery'],
};

describe('acct-profile', () => {
  it('is accessible in view mode and shows the company verification and discount', async () => {
    const { el } = await mount('company-resident');
    await expect(el).to.be.accessible();
    expect(shadow(el).querySelector(FORM) === null, 'view mode first').to.equal(true);
    expect(shadow(el).querySelector('[data-field=verification]')?.textContent).to.match(/verified/i);
    expect(shadow(el).querySelector('[data-field=discount]')?.textContent).to.match(/5\s?%/);
  });

  for (const [account, fields] of Object.entries(MATRIX)) {
    it(`${account}: the form shows exactly the fields of its cell`, async () => {
      const { el } = await mount(account as SampleAccountId);
      await change(el as AcctProfile);
      expect(shownFields(el)).to.deep.equal([...fields].sort());
      await expect(el).to.be.accessible();
    });
  }

  it('Russian legal entity: wrong check digits are caught as the user leaves the field, in words', async () => {
    const { el, adapter } = await mount('company-resident');
    await change(el);
    await type(el, 'ogrn', '1187746123455');
    expect(input(el, 'ogrn').getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, 'ogrn')).to.match(/OGRN \(PSRN\) check digit does not match/);
    await type(el, 'settlementAccount', '40702810938000012346');
    expect(errorOf(el, 'settlementAccount')).to.match(/check digit/);
    await type(el, 'kpp', '77280100');
    expect(errorOf(el, 'kpp')).to.match(/9 digits/);
    button(el, /^\s*save\s*$/i).click();
    await until(() => shadow(el).activeElement?.getAttribute('name') === 'kpp', 'focus on the first invalid field');
    expect(adapter.control.calls.some((c) => c.method === 'profile.update')).to.equal(false);
    expect(input(el, 'ogrn').value, 'typed value kept').to.equal('1187746123455');
    // Fixing the BIC-bound account clears its error; a BIC change re-checks the accounts.
    await type(el, 'settlementAccount', '40702810938000012345');
    expect(errorOf(el, 'settlementAccount')).to.equal('');
    await type(el, 'bic', '044525974');
    expect(errorOf(el, 'settlementAccount')).to.match(/check digit/);
  });

  it('saving a change of confirmed data creates a ticket, says so and fires acct-ticket-created', async () => {
    const { el, adapter } = await mount('company-resident');
    const events = recordEvents(el, ['acct-ticket-created', 'acct-saved']);
    await change(el);
    await type(el, 'kpp', '772801002');
    button(el, /^\s*save\s*$/i).click();
    await until(() => events.some((e) => e.type === 'acct-ticket-created'), 'ticket event');
    const ticket = events.find((e) => e.type === 'acct-ticket-created')!.detail;
    expect(ticket.section).to.equal('profile');
    expect(ticket.ticket.id).to.equal('T-1001');
    await until(() => shadow(el).querySelector(FORM) === null, 'back to view');
    expect(shadow(el).textContent).to.contain('Ticket T-1001 was created to confirm the change.');
    expect(liveText(el)).to.contain('T-1001');
    // Heard once: the live region says it, the banner is content, not a second live region.
    expect(shadow(el).querySelector('[part=banner][data-tone=success]')!.hasAttribute('role')).to.equal(false);
    expect(adapter.control.snapshot().profile.kpp).to.equal('772801002');
    await expect(el).to.be.accessible();
  });

  it('server errors on a whole address or on a field the form does not show are not lost', async () => {
    const { el, adapter } = await mount('company-resident');
    await change(el);
    await type(el, 'fax', '+74951234500');
    adapter.control.failNext('validation', { method: 'profile.update', fieldErrors: { legalAddress: 'Not a registered address', personalAccount: 'required' } });
    button(el, /^\s*save\s*$/i).click();
    await until(() => shadow(el).querySelector('[data-field=legalAddress][aria-invalid=true]'), 'address error');
    expect(shadow(el).getElementById('f-legalAddress-error')?.textContent).to.equal('Not a registered address');
    expect(shadow(el).querySelector(`${FORM} [role=alert]`)?.textContent).to.match(/Personal account: Fill in this field/);
    expect(input(el, 'fax').value).to.equal('+74951234500');
    await expect(el).to.be.accessible();
  });

  it('company data is read-only for anyone but the main administrator, with the reason', async () => {
    const { el } = await mount('company-resident', { data: { viewer: { role: 'admin' } } });
    await change(el);
    expect(shadow(el).querySelector('[name=kpp]') === null).to.equal(true);
    const kpp = shadow(el).querySelector('[data-field=kpp]')!;
    expect(kpp.getAttribute('data-readonly')).to.equal('true');
    expect(kpp.textContent).to.contain('772801001');
    expect(kpp.textContent).to.match(/main administrator/);
    expect(input(el, 'fax').disabled).to.equal(false);
    const inn = shadow(el).querySelector('[data-field=inn]')!;
    expect(inn.textContent).to.match(/cannot be changed/);
  });

  it('EU company: IBAN checked by mod 97; country change request creates a prefilled ticket', async () => {
    const { el, adapter } = await mount('company-non-resident');
    const events = recordEvents(el, ['acct-ticket-created']);
    await change(el);
    await type(el, 'accountNumber', 'DE44500105175407324932');
    expect(errorOf(el, 'accountNumber')).to.match(/check digit does not match/);
    await type(el, 'accountNumber', 'DE89 3704 0044 0532 0130 00');
    expect(errorOf(el, 'accountNumber')).to.equal('');
    const country = shadow(el).querySelector('[data-field=country]')!;
    expect(country.textContent).to.contain('To change the country, create a support ticket');
    button(el, /request change/i).click();
    await until(() => shadow(el).querySelector('#country-request'), 'request form');
    expect(shadow(el).querySelector('#country-request')?.getAttribute('name'), 'named like every control').to.equal('newCountry');
    button(el, /send request/i).click();
    await until(() => shadow(el).querySelector('#country-request-error'), 'asks for the country');
    const field = shadow(el).querySelector<HTMLInputElement>('#country-request')!;
    field.value = 'Austria';
    button(el, /send request/i).click();
    await until(() => events.length === 1, 'ticket');
    const created = adapter.control.snapshot().tickets[0]!;
    expect(created.subject).to.match(/country/i);
    expect(created.body).to.contain('nordlicht').and.contain('DE').and.contain('Austria');
    expect(input(el, 'accountNumber').value, 'the form keeps its edits').to.equal('DE89 3704 0044 0532 0130 00');
  });

  it('lists the fields missing for payment, focuses each on click, and disappears when they are filled', async () => {
    const { el } = await mount('billing-individual', { data: { profile: { phone: null, postalAddress: { line1: '' } } } });
    const banner = () => shadow(el).querySelector('[data-banner=payment]');
    expect(banner()?.textContent).to.match(/Mobile phone/).and.match(/Postal address: Address/);
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[data-banner=payment] button[data-path=phone]')!.click();
    await until(() => shadow(el).activeElement?.getAttribute('name') === 'phone', 'focus on phone');
    await type(el, 'phone', '+31 6 12345678');
    shadow(el).querySelector<HTMLButtonElement>('[data-banner=payment] button[data-path="postalAddress.line1"]')!.click();
    await until(() => shadow(el).activeElement?.getAttribute('name') === 'postalAddress.line1', 'focus on address');
    await type(el, 'postalAddress.line1', 'Keizersgracht 452');
    expect(banner() === null, 'banner gone').to.equal(true);
  });

  it('switching the profile type to company warns about verification and shows the company fields', async () => {
    const { el } = await mount('billing-individual');
    await change(el);
    expect(shadow(el).querySelector('[name=companyName]') === null).to.equal(true);
    shadow(el).querySelector<HTMLInputElement>('input[name=accountType][value=company]')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('#type-warning')?.textContent).to.match(/verified before they can be paid/);
    expect(shadow(el).querySelector('[name=companyName]') === null).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('renders and validates host custom fields like built-in ones', async () => {
    const policy: ProfilePolicyInput = {
      fields: { firstName: {}, lastName: {} },
      custom: [
        { id: 'taxExempt', label: { en: 'Tax exempt', ru: 'Освобождён от НДС' }, type: 'checkbox' },
        { id: 'poNumber', label: 'PO number', type: 'text', pattern: 'PO-\\d+', required: true },
        { id: 'segment', label: 'Segment', type: 'select', options: [{ value: 'smb', label: 'Small business' }, { value: 'ent', label: 'Enterprise' }] },
      ],
    };
    const { el, adapter } = await mount('billing-individual', { policy, mode: 'form' });
    expect(shadow(el).querySelector('label')?.textContent ?? '').to.be.a('string');
    await type(el, 'custom.poNumber', 'PO-x');
    expect(errorOf(el, 'custom.poNumber')).to.match(/expected format/);
    await type(el, 'custom.poNumber', 'PO-42');
    input(el, 'custom.taxExempt').click();
    const seg = shadow(el).querySelector<HTMLSelectElement>('[name="custom.segment"]')!;
    seg.value = 'ent';
    seg.dispatchEvent(new Event('change'));
    await el.updateComplete;
    button(el, /^\s*save\s*$/i).click();
    await until(() => liveText(el).match(/saved/i), 'saved');
    expect(adapter.control.snapshot().profile.custom).to.deep.equal({ poNumber: 'PO-42', taxExempt: true, segment: 'ent' });
  });

  for (const theme of ['dark', 'branded'] as const) {
    it(`the form is accessible in the ${theme} theme, badges and errors included`, async () => {
      const adapter = createMemoryAdapter({ account: 'billing-company', data: { profile: { phone: '' } } });
      const provider = await fixture(html`<acct-provider theme=${theme} .adapter=${adapter}><acct-profile mode="form"></acct-profile></acct-provider>`);
      const el = provider.querySelector('acct-profile')!;
      await until(() => shadow(el).querySelector('[data-field=email] .badge'), 'email status');
      await untilForm(el);
      await type(el, 'firstName', '');
      await type(el, 'phone', 'not-a-phone');
      expect(errorOf(el, 'phone')).to.match(/international format/);
      await expect(el).to.be.accessible();
    });
  }

  it('without a policy from the backend uses core default: billing panel without residency, matrix with it', async () => {
    const memory = createMemoryAdapter({ account: 'billing-individual', data: { profile: { residency: null } } });
    const profile = {
      get: async () => {
        const { data, version } = await memory.profile.get();
        return { data, version };
      },
      update: memory.profile.update,
    };
    const el = await fixture<AcctProfile>(html`<acct-profile mode="form" .adapter=${{ ...memory, profile }}></acct-profile>`);
    await until(() => shadow(el).querySelector(FORM), 'form');
    expect(input(el, 'lastName').disabled).to.equal(false);
    expect(shadow(el).querySelector('[data-field=username]')?.getAttribute('data-readonly')).to.equal('true');
    expect(shadow(el).querySelector('[data-banner=payment]') === null).to.equal(true);
    const resident = createMemoryAdapter({ account: 'individual-resident' });
    const bare = { get: async () => ({ data: (await resident.profile.get()).data, version: '1' }), update: resident.profile.update };
    const el2 = await fixture<AcctProfile>(html`<acct-profile mode="form" .adapter=${{ ...resident, profile: bare }}></acct-profile>`);
    await until(() => shadow(el2).querySelector(FORM), 'form');
    expect(shadow(el2).querySelector('[data-field=lastName]')?.getAttribute('data-readonly'), 'name of a personal account').to.equal('true');
    expect(shadow(el2).querySelector('[name=birthPlace]') === null).to.equal(false);
  });

  it("core's default policy: an empty INN, VATIN or personal name is filled once, then shown read-only with the reason", async () => {
    /** The memory adapter without the policy in its answer, so the element uses core's default. */
    async function bare(account: SampleAccountId, profile: DeepPartial<SampleAccount>['profile']) {
      const memory = createMemoryAdapter({ account, data: { profile } });
      const api = { get: async () => ({ data: (await memory.profile.get()).data, version: (await memory.profile.get()).version }), update: memory.profile.update };
      const el = await fixture<AcctProfile>(html`<acct-profile .adapter=${{ ...memory, profile: api }}></acct-profile>`);
      await until(() => shadow(el).querySelector('[data-field]'), 'profile loaded');
      return { el, memory };
    }
    for (const [account, path, value] of [
      ['company-resident', 'inn', '7707083893'],
      ['sole-trader', 'inn', '500100732259'],
      ['company-non-resident', 'vatin', 'DE136695976'],
      ['individual-resident', 'lastName', 'Иванова'],
    ] as const) {
      const { el, memory } = await bare(account, { [path]: null });
      await change(el);
      expect(input(el, path)?.disabled, `${account}: ${path} is an input while empty`).to.equal(false);
      expect(shadow(el).querySelector(`[data-field=${path}]`)?.textContent).to.match(/Once saved, only support can change this/);
      await type(el, path, value);
      button(el, /^\s*save\s*$/i).click();
      await until(() => shadow(el).querySelector(FORM) === null, `${account}: saved`);
      expect(memory.control.snapshot().profile[path], account).to.equal(value);
      await change(el);
      const field = shadow(el).querySelector(`[data-field=${path}]`)!;
      expect(field.getAttribute('data-readonly'), `${account}: ${path} fixed once saved`).to.equal('true');
      expect(field.textContent).to.contain(value).and.match(/cannot be changed/);
      await expect(el).to.be.accessible();
    }
  });

  it('shows the email confirmation status and opens the email and phone elements', async () => {
    if (!customElements.get('acct-email-change')) customElements.define('acct-email-change', class extends HTMLElement {});
    if (!customElements.get('acct-phone-verification')) customElements.define('acct-phone-verification', class extends HTMLElement {});
    const { el } = await mount('billing-company');
    expect(shadow(el).querySelector('[data-field=email] .badge')?.textContent).to.match(/Waiting for confirmation of finance@ateliernuage.example/);
    button(el, /change email/i).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-field=email] acct-email-change') === null).to.equal(false);
    button(el, /verify phone/i).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('acct-phone-verification')?.getAttribute('phone')).to.equal('+33612345678');
    expect(shadow(el).querySelector('acct-email-change') === null, 'one flow at a time').to.equal(true);
  });
});

describe('acct-profile: the edit form comes in a lazy chunk', () => {
  type FormSource = (typeof AcctProfile)['formLoader'];
  const Profile = () => customElements.get('acct-profile') as unknown as typeof AcctProfile;
  let original: FormSource;
  beforeEach(() => (original = Profile().formLoader));
  afterEach(() => (Profile().formLoader = original));

  /** Replaces the chunk's loader: each load waits for the test to let it through or fail it. */
  function gate(): { loads: number; release: () => void; fail: () => void } {
    const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
    const g = {
      loads: 0,
      release: () => pending.splice(0).forEach((p) => p.resolve()),
      fail: () => pending.splice(0).forEach((p) => p.reject(new TypeError('Failed to fetch dynamically imported module'))),
    };
    Profile().formLoader = () => {
      g.loads++;
      return new Promise<void>((resolve, reject) => pending.push({ resolve, reject })).then(() => original());
    };
    return g;
  }

  it('view mode: not loaded for the first paint; Change is busy while it loads, then opens the form on its first field', async () => {
    const g = gate();
    const { el, adapter } = await mount('company-resident');
    expect(g.loads, 'no form code for the view').to.equal(0);
    const changeButton = button(el, /^\s*change\s*$/i);
    changeButton.focus();
    expect(g.loads, 'prefetched when focus enters').to.equal(1);
    changeButton.click();
    await until(() => changeButton.getAttribute('aria-busy') === 'true', 'busy while the chunk loads'); // updateComplete would wait for it
    expect(changeButton.getAttribute('aria-busy')).to.equal('true');
    expect(changeButton.textContent).to.match(/Loading…/);
    expect(shadow(el).querySelector(FORM) === null).to.equal(true);
    await expect(el).to.be.accessible();
    changeButton.click();
    g.release();
    await untilForm(el);
    expect(g.loads, 'loaded once').to.equal(1);
    await until(() => shadow(el).activeElement?.getAttribute('name'), 'focus in the form');
    expect(shadow(el).activeElement === shadow(el).querySelector(`${FORM} [name]`), 'on its first field').to.equal(true);
    await type(el, 'fax', '+74951234500');
    button(el, /^\s*save\s*$/i).click();
    await until(() => shadow(el).querySelector(FORM) === null, 'back to view after saving');
    expect(adapter.control.snapshot().profile.fax).to.equal('+74951234500');
  });

  it('view mode: a chunk that cannot be fetched is reported next to Change, and Retry opens the form', async () => {
    const errors = recordEvents(document, ['acct-error']);
    const g = gate();
    const { el } = await mount('company-resident');
    button(el, /^\s*change\s*$/i).click();
    g.fail();
    await until(() => shadow(el).querySelector('[role=alert]'), 'load failure');
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.match(/could not be loaded.*retry/i);
    expect(button(el, /^\s*change\s*$/i).getAttribute('aria-busy')).to.equal('false');
    expect(shadow(el).querySelector(FORM) === null).to.equal(true);
    expect(errors.length, 'not an adapter error').to.equal(0);
    await expect(el).to.be.accessible();
    button(el, /^\s*retry\s*$/i).click();
    await until(() => shadow(el).querySelector('[role=alert]') === null, 'failure cleared while retrying');
    g.release();
    await untilForm(el);
    expect(g.loads).to.equal(2);
  });

  it('view mode: Change, then updateComplete, shows the form (the chunk it waited for is included)', async () => {
    // A slow chunk (not yet in this page's module cache as far as the element can tell).
    Profile().formLoader = () => new Promise((resolve) => setTimeout(resolve, 60)).then(() => original());
    const { el } = await mount('company-resident');
    button(el, /^\s*change\s*$/i).click();
    await el.updateComplete;
    expect(shadow(el).querySelector(FORM), 'the form').to.exist;
    expect(input(el, 'companyName').value).to.not.equal('');
  });

  it('view mode: Cancel drops the edits, shows the text again and puts focus back on Change', async () => {
    const { el } = await mount('individual-resident');
    await change(el);
    await type(el, 'birthPlace', 'Tver');
    expect(el.settings.dirty).to.equal(true);
    button(el, /^\s*cancel\s*$/i).click();
    await until(() => shadow(el).activeElement?.getAttribute('data-action') === 'change', 'focus on Change');
    expect(shadow(el).querySelector(FORM) === null, 'back to the text').to.equal(true);
    expect(el.settings.dirty).to.equal(false);
    expect(shadow(el).querySelector('[data-field=birthPlace]')?.textContent).not.to.contain('Tver');
  });

  it('view mode: after a successful Save the form closes and focus goes to Change, not the body', async () => {
    const { el, adapter } = await mount('company-resident');
    await change(el);
    await type(el, 'fax', '+74951234500');
    const save = button(el, /^\s*save\s*$/i);
    save.focus();
    save.click();
    await until(() => shadow(el).querySelector(FORM) === null, 'back to the text');
    await until(() => shadow(el).activeElement?.getAttribute('data-action') === 'change', 'focus on Change');
    expect(document.activeElement).to.equal(el);
    expect(adapter.control.snapshot().profile.fax).to.equal('+74951234500');
  });

  it('form mode: loaded on connect; until it is in, the profile shows as text, busy', async () => {
    const g = gate();
    const adapter = createMemoryAdapter({ account: 'company-resident' });
    const provider = await fixture(html`<acct-provider .adapter=${adapter}><acct-profile mode="form"></acct-profile></acct-provider>`);
    const el = provider.querySelector('acct-profile')!;
    await until(() => g.loads === 1, 'requested on connect'); // updateComplete would wait for the chunk
    expect(g.loads, 'requested on connect, beside the data').to.equal(1);
    await until(() => shadow(el).querySelector('[data-field=companyName]'), 'profile as text');
    const name = adapter.control.snapshot().profile.companyName!;
    expect(shadow(el).querySelector('[aria-busy=true] [data-field=companyName] .value')?.textContent).to.contain(name);
    const save = shadow(el).querySelector<HTMLButtonElement>('button.primary')!;
    expect(save.disabled).to.equal(true);
    expect(save.textContent).to.match(/Loading…/);
    await expect(el).to.be.accessible();
    g.release();
    await untilForm(el);
    expect(input(el, 'companyName').value).to.equal(name);
    expect(shadow(el).querySelector('[aria-busy=true]') === null).to.equal(true);
  });

  it('form mode: once the chunk is in, a new instance renders its form with the data, never busy', async () => {
    // The real loader (no gate): the first instance fetches the chunk, later ones take it at once.
    const adapter = createMemoryAdapter({ account: 'company-resident' });
    const first = (await fixture(html`<acct-provider .adapter=${adapter}><acct-profile mode="form"></acct-profile></acct-provider>`)).querySelector('acct-profile')!;
    await untilForm(first);
    const provider = await fixture(html`<acct-provider .adapter=${adapter}></acct-provider>`);
    const el = document.createElement('acct-profile') as AcctProfile;
    el.mode = 'form';
    const seen: boolean[] = [];
    const observer = new MutationObserver(() => seen.push(!!shadow(el).querySelector('[aria-busy=true] [data-field]')));
    provider.append(el);
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true });
    await untilForm(el);
    observer.disconnect();
    expect(seen.length, 'rendered').to.be.greaterThan(0);
    expect(seen.includes(true), 'no busy text state').to.equal(false);
  });

  it('form mode: a failed load says so with a Retry that brings the form', async () => {
    const g = gate();
    const adapter = createMemoryAdapter({ account: 'billing-individual' });
    const provider = await fixture(html`<acct-provider .adapter=${adapter}><acct-profile mode="form"></acct-profile></acct-provider>`);
    const el = provider.querySelector('acct-profile')!;
    await until(() => shadow(el).querySelector('[data-field]'), 'profile as text');
    g.fail();
    await until(() => shadow(el).querySelector('[role=alert]'), 'load failure');
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.match(/could not be loaded/i);
    await el.updateComplete;
    expect(g.loads, 'not retried on its own').to.equal(1);
    await expect(el).to.be.accessible();
    button(el, /^\s*retry\s*$/i).click();
    g.release();
    await untilForm(el);
    await type(el, 'firstName', 'Johannes');
    button(el, /^\s*save\s*$/i).click();
    await until(() => liveText(el).match(/saved/i), 'saved');
    expect(adapter.control.snapshot().profile.firstName).to.equal('Johannes');
  });

  it('country change request: Enter in its field sends it (not the profile), focus goes to the field, then to the confirmation', async () => {
    const { el, adapter } = await mount('company-non-resident');
    const events = recordEvents(el, ['acct-ticket-created']);
    await change(el);
    const { sendKeys } = await import('@web/test-runner-commands');
    button(el, /request change/i).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).activeElement?.id === 'country-request', 'focus on the new country');
    // Enter in the empty field: the error is on the field, which keeps focus, and said once by the live region.
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).querySelector('#country-request-error'), 'asks for the country');
    expect(shadow(el).activeElement?.id).to.equal('country-request');
    expect(liveText(el)).to.equal('Enter the new country.');
    expect(adapter.control.calls.some((c) => c.method === 'profile.update'), 'Enter did not save the profile').to.equal(false);
    // A failure keeps what was typed, on the field.
    await sendKeys({ type: 'Austria' });
    adapter.control.failNext('unavailable', { method: 'tickets.create' });
    await sendKeys({ press: 'Enter' });
    await until(() => /temporarily unavailable/i.test(shadow(el).querySelector('#country-request-error')?.textContent ?? ''), 'failure on the field');
    expect(shadow(el).querySelector<HTMLInputElement>('#country-request')!.value).to.equal('Austria');
    expect(shadow(el).activeElement?.id).to.equal('country-request');
    await sendKeys({ press: 'Enter' });
    await until(() => events.length === 1, 'ticket');
    expect(adapter.control.snapshot().tickets.at(-1)!.body).to.contain('Austria');
    expect(adapter.control.calls.some((c) => c.method === 'profile.update'), 'Enter did not save the profile').to.equal(false);
    await until(() => shadow(el).activeElement?.matches('[part=banner][data-tone=success]'), 'focus on the confirmation');
    expect(shadow(el).activeElement!.textContent).to.contain(events[0]!.detail.ticket.id);
    await expect(el).to.be.accessible();
  });

  it('Cancel of the country request puts focus back on Request change', async () => {
    const { el } = await mount('company-non-resident');
    await change(el);
    button(el, /request change/i).click();
    await until(() => shadow(el).activeElement?.id === 'country-request', 'focus on the new country');
    const cancel = [...shadow(el).querySelectorAll<HTMLButtonElement>('.request button')].find((b) => /cancel/i.test(b.textContent ?? ''))!;
    cancel.click();
    await until(() => shadow(el).activeElement?.getAttribute('data-action') === 'request-country', 'focus on Request change');
  });

  it('a failed save is said once: by its alert, not again by the live region', async () => {
    const { el, adapter } = await mount('billing-individual', { mode: 'form' });
    await type(el, 'firstName', 'Johannes');
    adapter.control.failNext('unavailable', { method: 'profile.update' });
    button(el, /^\s*save\s*$/i).click();
    await until(() => [...shadow(el).querySelectorAll('[role=alert]')].some((a) => /temporarily unavailable/i.test(a.textContent ?? '')), 'save failure');
    await el.updateComplete;
    expect([...shadow(el).querySelectorAll('[role=alert]')].filter((a) => /temporarily unavailable/i.test(a.textContent ?? ''))).to.have.length(1);
    expect(liveText(el)).to.equal('');
    expect(input(el, 'firstName').value).to.equal('Johannes');
  });
});
