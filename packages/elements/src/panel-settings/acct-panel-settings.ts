import { html, nothing, type TemplateResult } from 'lit';
import { state } from '../base/decorators.js';
import { msg } from '@lit/localize';
import { languageName, THEMES, type PanelSettings, type ThemeName } from '@acct/core';
import { lazyModule } from '../base/chunk.js';
import { AcctElement } from '../base/acct-element.js';
import { SettingsController } from '../base/settings-controller.js';
import { LazyActions } from '../base/lazy-actions.js';
import type { ConfirmController } from '../ui/confirm.js';
import { renderBanner, renderFormActions, renderSection, renderSelectField } from '../ui/field.js';
import { renderSettingsView } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import { fieldsetStyles } from '../ui/fieldset-styles.js';
import { setAcctLocale, SUPPORTED_LOCALES } from '../i18n/index.js';
import { panelSettingsStyles } from './acct-panel-settings.styles.js';
import messages from '../i18n/generated/parts/panel-settings.js';

const schemas = lazyModule(() => import('./schemas.js'));

/**
 * Panel settings: interface language, theme and resetting saved filters and order forms.
 * Language and theme apply at once (the enclosing provider and the host follow the events) and
 * are stored with Save.
 *
 * @tagname acct-panel-settings
 * @summary Interface language, theme and reset of user settings.
 * @fires acct-saved - After the settings were stored; detail `{ section: 'panel', data }`.
 * @fires acct-error - When loading, saving or resetting failed; detail `{ section, code, operation }`.
 * @fires acct-dirty-change - When unsaved edits appear or disappear.
 * @fires acct-locale-change - When the user picks another language; detail `{ locale }`.
 * @fires acct-theme-change - When the user picks another theme; detail `{ theme }`.
 * @csspart section - The card around the settings.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A form control.
 * @csspart hint - Help text under a control.
 * @csspart error - Error text under a control.
 * @csspart button - Any button.
 * @csspart button-primary - The Save button.
 * @csspart banner - Status, warning and error messages.
 * @csspart dialog - The confirmation dialog.
 * @cssprop --acct-section-gap - Space between the blocks of the section.
 */
export class AcctPanelSettings extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, fieldsetStyles, panelSettingsStyles];

  readonly settings: SettingsController<PanelSettings> = new SettingsController<PanelSettings>(this, {
    section: 'panel',
    api: () => this.api('panel'),
    schemas,
    validate: (d): Record<string, string> => (this.#languages().includes(d.language) ? {} : { language: 'unsupported' }),
  });

  /** @internal Test-only: how the reset's chunk is fetched; tests replace it to simulate a failed load. */
  static resetLoader = (): Promise<typeof import('./reset.js')> => import('./reset.js');
  // Created with the reset's chunk: its code comes when the user first asks, not with the first paint.
  #confirm: ConfirmController | undefined;
  readonly #actions = new LazyActions(this, () => AcctPanelSettings.resetLoader());

  /** @internal Where resetting user settings stands; set by the reset's chunk. */
  @state() resetState: 'idle' | 'busy' | 'done' | 'failed' = 'idle';
  /** @internal */
  resetError = '';

  /** Shipped locales, plus the saved one if the server knows a language this build lacks. */
  #languages(): string[] {
    const saved = this.settings.saved?.language;
    return saved && !SUPPORTED_LOCALES.includes(saved) ? [...SUPPORTED_LOCALES, saved] : [...SUPPORTED_LOCALES];
  }

  #themeLabel(theme: ThemeName): string {
    switch (theme) {
      case 'light':
        return msg('Light');
      case 'dark':
        return msg('Dark');
      case 'branded':
        return this.context?.brandName ? `${msg('Branded')} (${this.context.brandName})` : msg('Branded');
      default:
        return msg('Same as system');
    }
  }

  /** Shows a choice at once: the page follows the events, an element alone themes itself. */
  async #preview(patch: Partial<PanelSettings>): Promise<void> {
    if (patch.theme) {
      if (!this.context) this.theme = patch.theme;
      this.emit('acct-theme-change', { theme: patch.theme });
    }
    if (patch.language) {
      const locale = await setAcctLocale(patch.language);
      this.emit('acct-locale-change', { locale });
    }
  }

  #change(path: 'language' | 'theme', value: string): void {
    this.settings.set(path, value);
    void this.#preview({ [path]: value });
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.settings.save();
  }

  #discard(): void {
    this.settings.discard();
    if (this.settings.saved) void this.#preview(this.settings.saved);
  }

  async #resetUserSettings(): Promise<void> {
    const panel = this.api('panel');
    if (!panel || this.resetState === 'busy') return;
    await this.#actions.run('reset', (chunk) => chunk.resetUserSettings(this, panel, (this.#confirm ??= new chunk.ConfirmController(this))));
  }

  #renderForm(d: PanelSettings): TemplateResult {
    const s = this.settings;
    return html`<form @submit=${this.#submit} novalidate>
      ${renderSection({
        heading: msg('Panel settings'),
        headingId: 'panel-heading',
        body: html`
          ${renderSelectField({
            id: 'language',
            name: 'language',
            label: msg('Interface language'),
            value: d.language,
            error: s.fieldError('language'),
            hint: SUPPORTED_LOCALES.includes(d.language) ? undefined : msg('This language is not available in this interface.'),
            options: this.#languages().map((code) => ({ value: code, label: languageName(code, code) })),
            onChange: (v) => this.#change('language', v),
          })}
          <fieldset
            part="field"
            aria-invalid=${s.fieldErrors.theme ? 'true' : 'false'}
            aria-describedby=${s.fieldErrors.theme ? 'theme-hint theme-error' : 'theme-hint'}
          >
            <legend part="label">${msg('Theme')}</legend>
            <div class="themes">
              ${THEMES.map(
                (theme) => html`<label class="choice">
                  <input
                    type="radio"
                    name="theme"
                    part="input"
                    .value=${theme}
                    .checked=${d.theme === theme}
                    @change=${() => this.#change('theme', theme)}
                  />
                  ${this.#themeLabel(theme)}
                </label>`,
              )}
            </div>
            <div class="hint" id="theme-hint" part="hint">${msg('The theme is shown at once; Save keeps it for your next visit.')}</div>
            ${s.fieldErrors.theme ? html`<div class="error" id="theme-error" part="error">${s.fieldError('theme')}</div>` : ''}
          </fieldset>
          ${renderFormActions({ canSave: s.canSave, dirty: s.dirty, saving: s.saving, onDiscard: () => this.#discard() })}
          <div class="reset">
            <h3>${msg('User settings')}</h3>
            <p class="muted" id="reset-hint">
              ${msg('Resetting clears your saved filters and returns order forms to their original state.')}
            </p>
            ${this.resetState === 'failed'
              ? renderBanner('danger', this.resetError, html`<button type="button" part="button" @click=${this.#resetUserSettings}>${msg('Retry')}</button>`)
              : ''}
            ${this.resetState === 'done' ? renderBanner('success', msg('User settings were reset.'), undefined, true) : ''}
            ${this.#actions.renderFailure('reset')}
            <div class="actions">
              <button
                type="button"
                part="button"
                aria-describedby="reset-hint"
                aria-busy=${this.#actions.loading('reset') ? 'true' : nothing}
                ?disabled=${this.resetState === 'busy' || this.#actions.loading('reset')}
                @click=${this.#resetUserSettings}
              >
                ${this.resetState === 'busy' ? msg('Resetting…') : msg('Reset user settings')}
              </button>
            </div>
          </div>
        `,
      })}
    </form>`;
  }

  override render(): TemplateResult {
    return html`${renderSettingsView(this.settings, {
      apiName: 'panel',
      form: (draft) => this.#renderForm(draft),
      describe: (path, value) =>
        path === 'language'
          ? { label: msg('Interface language'), value: languageName(String(value), this.activeLocale) }
          : path === 'theme'
            ? { label: msg('Theme'), value: this.#themeLabel(value as ThemeName) }
            : { label: path, value: String(value) },
    })}
    ${this.#confirm?.render() ?? nothing}`;
  }
}
