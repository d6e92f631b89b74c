import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from '../base/decorators.js';
import { msg, str } from '@lit/localize';
import {
  formatDateTime,
  isAbortError,
  LoginPage,
  parseResponse,
  SessionList,
  summarizeUserAgent,
  toAdapterError,
  type LoginHistoryApi,
  type LoginRecord,
  type Session,
  type SessionsApi,
} from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { LazyActions } from '../base/lazy-actions.js';
import { ResourceController } from '../base/resource-controller.js';
import type { ConfirmController } from '../ui/confirm.js';
import { renderBanner, renderSection } from '../ui/field.js';
import { renderFailure, renderResource } from '../ui/resource-view.js';
import { renderLive } from '../ui/settings-view.js';
import { listStyles } from '../ui/list-styles.js';
import { uiStyles } from '../ui/styles.js';
import { badgeStyles } from '../ui/badge-styles.js';
import { tableStyles } from '../ui/table-styles.js';
import { errorMessage } from '../i18n/messages.js';
import { loginHistoryStyles } from './acct-login-history.styles.js';
import messages from '../i18n/generated/parts/login-history.js';

/** `Chrome 136 on Windows 10/11`, translated; unknown parts say so. */
export function describeUserAgent(userAgent: string): string {
  const ua = summarizeUserAgent(userAgent);
  const browser = ua.browser ? [ua.browser, ua.version].filter(Boolean).join(' ') : msg('Unknown browser');
  const os = ua.os ?? msg('an unknown system');
  return msg(str`${browser} on ${os}`);
}

/** The page's time zone unless the host names a valid IANA zone. */
function resolveTimeZone(zone: string | undefined): string {
  if (zone) {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      // An unknown zone falls back to the browser's rather than breaking the table.
    }
  }
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Login history and active sessions. Sessions come first, the current one marked; any other can be
 * signed out after a confirmation. Below, the logins (time in the viewer's locale and time zone,
 * IP, browser and system, location, result), a page at a time with "Show more".
 *
 * @tagname acct-login-history
 * @summary Active sessions with sign-out, and the paged login history.
 * @fires acct-saved - After a session was signed out; detail `{ section: 'sessions', data: { id } }`.
 * @fires acct-error - When loading or signing out failed; detail `{ section, code, operation }`.
 * @csspart section - The cards around sessions and history.
 * @csspart table - The sessions and history tables.
 * @csspart button - Any button.
 * @csspart button-danger - The confirm button of the sign-out dialog.
 * @csspart banner - Status, warning and error messages.
 * @csspart dialog - The confirmation and re-authentication dialogs.
 * @cssprop --acct-section-gap - Space between the blocks of a section.
 */
export class AcctLoginHistory extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, badgeStyles, tableStyles, listStyles, loginHistoryStyles];

  /** IANA time zone for times (`Europe/Moscow`); defaults to the browser's. */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;

  /** Logins per page (1 to 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  readonly sessions: ResourceController<Session[], SessionsApi> = new ResourceController(this, {
    section: 'sessions',
    api: () => this.api('sessions'),
    load: async (api, signal): Promise<Session[]> => parseResponse(SessionList, await api.list({ signal })),
  });

  readonly history: ResourceController<LoginPage, LoginHistoryApi> = new ResourceController(this, {
    section: 'loginHistory',
    reauth: this.sessions.reauth,
    api: () => this.api('loginHistory'),
    load: async (api, signal): Promise<LoginPage> => parseResponse(LoginPage, await api.list({ limit: this.#limit }, { signal })),
  });

  /**
   * @internal Test-only: how the chunk with signing out is fetched; tests replace it to simulate a
   * failed load.
   */
  static actionsLoader = (): Promise<typeof import('./actions.js')> => import('./actions.js');

  // Created with the actions chunk: its code comes with them, not with the first paint.
  #confirm: ConfirmController | undefined;
  readonly #actions = new LazyActions(this, () => AcctLoginHistory.actionsLoader());
  @state() private moreState: 'idle' | 'busy' | 'failed' = 'idle';
  #moreError = '';
  #moreAbort: AbortController | undefined;

  get #limit(): number {
    const n = Math.trunc(this.pageSize);
    return Number.isFinite(n) ? Math.min(100, Math.max(1, n)) : 20;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#moreAbort?.abort();
  }

  #time(iso: string): TemplateResult {
    return html`<time datetime=${iso}>${formatDateTime(iso, this.activeLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: resolveTimeZone(this.timeZone) })}</time>`;
  }

  async #loadMore(): Promise<void> {
    const api = this.api('loginHistory');
    const page = this.history.data;
    if (!api || !page?.nextCursor || this.moreState === 'busy') return;
    const first = page.items.length;
    this.moreState = 'busy';
    this.#moreAbort = new AbortController();
    try {
      const next = parseResponse(LoginPage, await api.list({ cursor: page.nextCursor, limit: this.#limit }, { signal: this.#moreAbort.signal }));
      this.history.data = { items: [...page.items, ...next.items], ...(next.nextCursor ? { nextCursor: next.nextCursor } : {}) };
      this.moreState = 'idle';
      this.history.announcement = msg(str`${next.items.length} more logins shown.`);
      await this.updateComplete;
      // Keyboard users continue where the new rows start, not back at the top of the button.
      this.renderRoot.querySelector<HTMLElement>(`#logins tbody tr:nth-child(${first + 1})`)?.focus();
    } catch (e) {
      if (isAbortError(e)) return;
      const error = toAdapterError(e);
      this.#moreError = errorMessage(error);
      this.moreState = 'failed';
      this.history.announcement = this.#moreError;
      this.emit('acct-error', { section: 'loginHistory', code: error.code, operation: 'loadMore' });
    }
  }

  async #signOut(session: Session): Promise<void> {
    const api = this.api('sessions');
    if (!api || this.sessions.pending) return;
    await this.#actions.run(`signOut:${session.id}`, (chunk) => chunk.signOut(this, api, (this.#confirm ??= new chunk.ConfirmController(this)), session));
  }

  #renderSessions(list: Session[]): TemplateResult {
    const sorted = [...list].sort((a, b) => Number(b.current) - Number(a.current));
    return html`${renderFailure(this.sessions, 'revoke')} ${this.#actions.renderFailure('signOut')}
      <table id="sessions" tabindex="-1" part="table" aria-labelledby="sessions-heading">
        <thead>
          <tr>
            <th scope="col">${msg('Device')}</th>
            <th scope="col">${msg('IP address')}</th>
            <th scope="col">${msg('Last active')}</th>
            <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${sorted.map(
            (s, _i, _all, loading = this.#actions.loading(`signOut:${s.id}`)) => html`<tr>
              <th scope="row">
                ${describeUserAgent(s.userAgent)}
                ${s.current ? html` <span class="badge" data-tone="success">${msg('This device')}</span>` : nothing}
              </th>
              <td>${s.ip}</td>
              <td>${this.#time(s.lastActiveAt)}</td>
              <td>
                ${s.current
                  ? html`<span class="reason">${msg('Current session')}</span>`
                  : html`<button
                      type="button"
                      part="button"
                      aria-label=${msg(str`Sign out ${describeUserAgent(s.userAgent)}, ${s.ip}`)}
                      aria-busy=${loading ? 'true' : 'false'}
                      ?disabled=${!!this.sessions.pending || loading}
                      @click=${() => this.#signOut(s)}
                    >
                      ${loading ? msg('Loading…') : msg('Sign out')}
                    </button>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  #renderLogins(page: LoginPage): TemplateResult {
    if (!page.items.length) return html`<p class="empty">${msg('No logins yet.')}</p>`;
    const zone = resolveTimeZone(this.timeZone);
    return html`<table id="logins" part="table" aria-labelledby="history-heading" aria-describedby="history-zone">
        <thead>
          <tr>
            <th scope="col">${msg('Time')}</th>
            <th scope="col">${msg('IP address')}</th>
            <th scope="col">${msg('Device')}</th>
            <th scope="col">${msg('Location')}</th>
            <th scope="col">${msg('Result')}</th>
          </tr>
        </thead>
        <tbody>
          ${page.items.map(
            (r: LoginRecord) => html`<tr tabindex="-1">
              <th scope="row">${this.#time(r.at)}</th>
              <td>${r.ip}</td>
              <td>${describeUserAgent(r.userAgent)}</td>
              <td>${r.location ?? html`<span class="muted">${msg('Unknown')}</span>`}</td>
              <td>
                ${r.success
                  ? html`<span class="badge" data-tone="success">${msg('Signed in')}</span>`
                  : html`<span class="badge" data-tone="danger">${msg('Failed attempt')}</span>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="muted" id="history-zone">${msg(str`Times are shown in the ${zone} time zone.`)}</p>
      ${this.moreState === 'failed'
        ? renderBanner('danger', this.#moreError, html`<button type="button" part="button" @click=${this.#loadMore}>${msg('Retry')}</button>`)
        : nothing}
      ${page.nextCursor
        ? html`<div class="actions">
            <button type="button" part="button" ?disabled=${this.moreState === 'busy'} @click=${this.#loadMore}>
              ${this.moreState === 'busy' ? msg('Loading…') : msg('Show more')}
            </button>
          </div>`
        : html`<p class="muted">${msg('That is the whole history.')}</p>`}`;
  }

  override render(): TemplateResult {
    return html`<div class="stack">
        ${renderSection({
          heading: msg('Active sessions'),
          headingId: 'sessions-heading',
          body: renderResource(this.sessions, 'sessions', (list) => this.#renderSessions(list)),
        })}
        ${renderSection({
          heading: msg('Login history'),
          headingId: 'history-heading',
          body: renderResource(this.history, 'loginHistory', (page) => this.#renderLogins(page)),
        })}
      </div>
      ${this.#confirm?.render() ?? nothing} ${this.sessions.reauth.render()}
      ${renderLive(this.sessions.announcement || this.history.announcement)}`;
  }
}
