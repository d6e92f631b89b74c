import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from '../base/decorators.js';
import { msg } from '@lit/localize';
import { safeUrl } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import type { AcctLinks } from '../base/context.js';
import { uiStyles } from '../ui/styles.js';
import { accountMenuStyles } from './acct-account-menu.styles.js';
import messages from '../i18n/generated/parts/account-menu.js';

interface MenuItem {
  key: string;
  label: string;
  href: string;
}

/**
 * The account menu of the panel's upper right corner (document 002): balance and payments,
 * tickets, profile and settings, referral program. A menu button (WAI-ARIA APG): Enter, Space or
 * ArrowDown open it on the first item, ArrowUp on the last; arrows, Home and End move; Escape
 * closes it and returns focus to the button; Tab closes it and moves on. Items are links from the
 * provider's `links` (balance and payments: `topUp`, else `history`); an item without a link is
 * left out, and without any the menu is hidden. The open menu stays inside the viewport (see
 * `align`).
 *
 * @tagname acct-account-menu
 * @summary The account menu: balance and payments, tickets, profile and settings, referral program.
 * @csspart button - The menu button.
 * @csspart menu - The list of items.
 * @csspart menuitem - One item (a link).
 */
export class AcctAccountMenu extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, accountMenuStyles];

  /** Text of the menu button, e.g. the account name; "Account" by default. */
  @property() label = '';

  /**
   * Which edge of the open menu lines up with the button's: `end` (default, for a button at the
   * end of a bar) or `start`. Either way the menu flips, then shifts, to stay in the viewport.
   */
  @property({ reflect: true }) align: 'start' | 'end' = 'end';

  @state() private open = false;

  #items(links: AcctLinks): MenuItem[] {
    const all = [
      { key: 'balance', label: msg('Balance and payments'), href: links.topUp ?? links.history },
      { key: 'tickets', label: msg('Tickets'), href: links.tickets },
      { key: 'settings', label: msg('Profile and settings'), href: links.settings },
      { key: 'referral', label: msg('Referral program'), href: links.referral },
    ];
    return all.flatMap((i) => {
      const href = safeUrl(i.href);
      return href ? [{ ...i, href }] : [];
    });
  }

  get #menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role=menuitem]')];
  }

  get #button(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('button');
  }

  async #openAt(index: 'first' | 'last'): Promise<void> {
    this.open = true;
    await this.updateComplete;
    const items = this.#menuItems;
    items[index === 'first' ? 0 : items.length - 1]?.focus();
  }

  #close(focusButton: boolean): void {
    this.open = false;
    if (focusButton) this.#button?.focus();
  }

  #onButtonKey = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      void this.#openAt('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      void this.#openAt('last');
    } else if (e.key === 'Escape' && this.open) {
      e.preventDefault();
      this.#close(true);
    }
  };

  #onMenuKey = (e: KeyboardEvent): void => {
    const items = this.#menuItems;
    const current = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    const move = (i: number) => {
      e.preventDefault();
      items[(i + items.length) % items.length]?.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(current + 1);
      case 'ArrowUp':
        return move(current - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(items.length - 1);
      case 'Escape':
        e.preventDefault();
        return this.#close(true);
      case 'Tab':
        // The browser's own move starts from the button (the items are out of the tab order), so
        // Tab goes on to the page's next control; hiding the menu with focus still in it would
        // drop focus to the page's start. Shift+Tab stops on the button (APG menu button).
        if (e.shiftKey) e.preventDefault();
        return this.#close(true);
      default:
        if (e.key.length === 1 && /\S/.test(e.key)) {
          // Type-ahead: the next item starting with the typed character.
          const ch = e.key.toLocaleLowerCase();
          const order = [...items.slice(current + 1), ...items.slice(0, current + 1)];
          order.find((i) => i.textContent?.trim().toLocaleLowerCase().startsWith(ch))?.focus();
        }
    }
  };

  #onFocusOut = (e: FocusEvent): void => {
    // Clicking or tabbing anywhere outside the widget closes the menu.
    if (this.open && !(e.relatedTarget instanceof Node && (this.contains(e.relatedTarget) || this.renderRoot.contains(e.relatedTarget)))) {
      this.open = false;
    }
  };

  // Untyped: `open` is private state, which PropertyValues<this> does not name.
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.open && (changed.has('open') || changed.has('align'))) this.#fit();
  }

  /** Keeps the open menu in the viewport: the other alignment when this one overflows, else a shift. */
  #fit(): void {
    const menu = this.renderRoot.querySelector<HTMLElement>('[role=menu]');
    if (!menu) return;
    const width = document.documentElement.clientWidth;
    const place = (flip: boolean): DOMRect => {
      menu.toggleAttribute('data-flip', flip);
      menu.style.removeProperty('--_shift');
      return menu.getBoundingClientRect();
    };
    const fits = (r: DOMRect) => r.left >= 0 && r.right <= width;
    let box = place(false);
    if (!fits(box) && !fits((box = place(true)))) box = place(false);
    const shift = box.left < 0 ? -box.left : Math.min(0, width - box.right);
    if (shift) menu.style.setProperty('--_shift', `${shift}px`);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // No link at all: nothing to offer, so the menu takes no room.
    this.hidden = this.#items(this.context?.links ?? {}).length === 0;
  }

  override render() {
    const items = this.#items(this.context?.links ?? {});
    if (!items.length) return nothing;
    return html`<div class="menu-button" @focusout=${this.#onFocusOut}>
      <button
        type="button"
        part="button"
        id="menu-button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu"
        @click=${() => (this.open ? this.#close(true) : void this.#openAt('first'))}
        @keydown=${this.#onButtonKey}
      >
        ${this.label || msg('Account')}<span class="chevron" aria-hidden="true"></span>
      </button>
      <ul id="menu" role="menu" part="menu" aria-labelledby="menu-button" ?hidden=${!this.open} @keydown=${this.#onMenuKey}>
        ${items.map(
          (i) => html`<li role="none">
            <a role="menuitem" part="menuitem" tabindex="-1" href=${i.href} data-item=${i.key} @click=${() => this.#close(false)}>${i.label}</a>
          </li>`,
        )}
      </ul>
    </div>`;
  }
}
