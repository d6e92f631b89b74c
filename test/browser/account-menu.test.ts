import '@acct/elements/provider';
import '@acct/elements/account-menu';
import { sendKeys } from '@web/test-runner-commands';
import { setAcctLocale } from '@acct/elements/i18n';
import { expect, fixture, html, shadow, until } from './helpers.js';

const LINKS = {
  topUp: 'https://billing.example.com/balance',
  tickets: 'https://billing.example.com/tickets',
  settings: 'https://billing.example.com/settings',
  referral: 'https://billing.example.com/referral',
};

async function mount(links: object = LINKS): Promise<HTMLElement> {
  const provider = await fixture(html`<acct-provider .links=${links}><acct-account-menu label="mivanova"></acct-account-menu><button id="after">after</button></acct-provider>`);
  const el = provider.querySelector('acct-account-menu')!;
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}
const menuButton = (el: HTMLElement) => shadow(el).querySelector<HTMLButtonElement>('button[aria-haspopup=menu]')!;
const menu = (el: HTMLElement) => shadow(el).querySelector<HTMLElement>('[role=menu]')!;
const items = (el: HTMLElement) => [...shadow(el).querySelectorAll<HTMLAnchorElement>('[role=menuitem]')];
const focused = (el: HTMLElement) => (shadow(el).activeElement as HTMLElement | null)?.dataset.item ?? shadow(el).activeElement?.id;
async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}
const isOpen = (el: HTMLElement) => menuButton(el).getAttribute('aria-expanded') === 'true' && !menu(el).hidden;

describe('acct-account-menu', () => {
  it('is an accessible menu button with the four items of the document as safe links', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    expect(menuButton(el).textContent).to.contain('mivanova');
    expect(menuButton(el).getAttribute('aria-controls')).to.equal(menu(el).id);
    expect(isOpen(el)).to.equal(false);
    menuButton(el).click();
    await until(() => isOpen(el), 'open');
    await expect(el).to.be.accessible();
    expect(items(el).map((a) => a.textContent?.trim())).to.deep.equal(['Balance and payments', 'Tickets', 'Profile and settings', 'Referral program']);
    expect(items(el).map((a) => a.href)).to.deep.equal([LINKS.topUp, LINKS.tickets, LINKS.settings, LINKS.referral]);
    expect(menu(el).getAttribute('aria-labelledby')).to.equal(menuButton(el).id);
  });

  it('works from the keyboard: open, move, Home/End, Escape, Tab', async () => {
    const el = await mount();
    menuButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === 'balance', 'first item focused');
    expect(isOpen(el)).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal('tickets');
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal('referral');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal('balance');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)).to.equal('referral');
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal('balance');
    await sendKeys({ press: 'p' });
    expect(focused(el)).to.equal('settings');
    await sendKeys({ press: 'Escape' });
    await until(() => !isOpen(el), 'closed');
    expect(focused(el)).to.equal('menu-button');
    await sendKeys({ press: 'Space' });
    await until(() => focused(el) === 'balance', 'opened with Space');
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'ArrowUp' });
    await until(() => focused(el) === 'referral', 'ArrowUp opens on the last item');
    await sendKeys({ press: 'Tab' });
    await until(() => !isOpen(el), 'Tab closes');
    await sendKeys({ press: 'Escape' });
    expect(isOpen(el)).to.equal(false);
  });

  it('Tab from an open menu closes it and moves on to the next control of the page', async () => {
    const el = await mount();
    menuButton(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused(el) === 'balance', 'first item focused');
    await sendKeys({ press: 'Tab' });
    await until(() => !isOpen(el), 'Tab closes');
    // Not lost to <body> (the page's start) and not kept in the widget.
    expect(document.activeElement?.id).to.equal('after');
    expect(shadow(el).activeElement === null).to.equal(true);
  });

  it('Shift+Tab from an open menu closes it and puts focus back on the menu button', async () => {
    const el = await mount();
    menuButton(el).focus();
    await sendKeys({ press: 'ArrowUp' });
    await until(() => focused(el) === 'referral', 'last item focused');
    await shiftTab();
    await until(() => !isOpen(el), 'Shift+Tab closes');
    expect(document.activeElement).to.equal(el);
    expect(focused(el)).to.equal('menu-button');
    // The next Shift+Tab leaves the widget backwards, as from any button. A control before it keeps
    // focus inside the page: tabbing out of the page moves the browser's focus to its own UI, and
    // later test files would then get no focus or blur events.
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    await shiftTab();
    expect(document.activeElement).to.equal(before);
  });

  for (const [align, side] of [['start', 'right'], ['end', 'left']] as const) {
    it(`keeps the open menu inside the viewport: align="${align}" at the ${side} edge`, async () => {
      // A narrow button at the edge the menu would grow past: start grows to the right, end to the left.
      const provider = await fixture(
        html`<acct-provider .links=${LINKS}><acct-account-menu align=${align} label="me"></acct-account-menu></acct-provider>`,
      );
      const el = provider.querySelector<HTMLElement>('acct-account-menu')!;
      el.style.position = 'fixed';
      el.style.insetBlockStart = '0';
      el.style.insetInlineStart = side === 'left' ? '0' : 'auto';
      el.style.insetInlineEnd = side === 'right' ? '0' : 'auto';
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      menuButton(el).click();
      await until(() => isOpen(el), 'open');
      await until(() => menu(el).getBoundingClientRect().width > 0, 'laid out');
      const box = menu(el).getBoundingClientRect();
      const width = document.documentElement.clientWidth;
      expect(box.left, 'left edge inside').to.be.at.least(0);
      expect(box.right, 'right edge inside').to.be.at.most(width);
      // Still attached to its button: below it, overlapping it horizontally.
      const button = menuButton(el).getBoundingClientRect();
      expect(box.top).to.be.at.least(button.bottom);
      expect(box.left < button.right && box.right > button.left).to.equal(true);
    });
  }

  it('ArrowDown opens the menu too, and clicking outside closes it', async () => {
    const el = await mount();
    menuButton(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused(el) === 'balance', 'first item focused');
    document.querySelector<HTMLButtonElement>('#after')!.focus();
    await until(() => !isOpen(el), 'closed on focus out');
  });

  it('leaves out items without a (safe) link, and hides itself without any', async () => {
    const el = await mount({ history: 'https://billing.example.com/history', tickets: 'javascript:alert(1)' });
    menuButton(el).click();
    await until(() => isOpen(el), 'open');
    expect(items(el).map((a) => a.dataset.item)).to.deep.equal(['balance']);
    expect(items(el)[0]!.href).to.equal('https://billing.example.com/history');
    const empty = await mount({});
    expect(empty.hidden).to.equal(true);
    expect(shadow(empty).querySelector('button') === null).to.equal(true);
  });

  it('speaks Russian', async () => {
    const el = await mount();
    try {
      await setAcctLocale('ru');
      menuButton(el).click();
      await until(() => isOpen(el) && items(el)[0]!.textContent!.includes('Баланс и платежи'), 'Russian items');
      expect(items(el).map((a) => a.textContent?.trim())).to.deep.equal(['Баланс и платежи', 'Тикеты', 'Профиль и настройки', 'Реферальная программа']);
      el.removeAttribute('label');
      await until(() => menuButton(el).textContent!.includes('Аккаунт'), 'default label');
    } finally {
      await setAcctLocale('en');
    }
  });

  for (const theme of ['dark', 'branded'] as const) {
    it(`is accessible open in the ${theme} theme`, async () => {
      const provider = await fixture(html`<acct-provider theme=${theme} .links=${LINKS}><acct-account-menu></acct-account-menu></acct-provider>`);
      const el = provider.querySelector('acct-account-menu')!;
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      menuButton(el).click();
      await until(() => isOpen(el), 'open');
      await expect(el).to.be.accessible();
    });
  }
});
