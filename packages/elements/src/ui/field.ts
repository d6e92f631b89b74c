import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';

/**
 * Label, control, hint and error in one shadow root, so `for` and `aria-describedby` resolve
 * (they cannot cross a shadow boundary). The control gets its ids from {@link fieldIds}.
 */
export interface FieldParts {
  id: string;
  label: string | TemplateResult;
  control: TemplateResult;
  hint?: string | TemplateResult | undefined;
  error?: string | undefined;
}

export function fieldIds(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function renderField({ id, label, control, hint, error }: FieldParts): TemplateResult {
  return html`<div class="field" part="field">
    <label for=${id} part="label">${label}</label>
    ${control}
    ${hint ? html`<div class="hint" id="${id}-hint" part="hint">${hint}</div>` : nothing}
    ${error ? html`<div class="error" id="${id}-error" part="error">${error}</div>` : nothing}
  </div>`;
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A `<select>` field whose `name` is its field path. */
export function renderSelectField(o: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: SelectOption[];
  hint?: string | undefined;
  error?: string | undefined;
  disabled?: boolean;
  onChange: (value: string) => void;
}): TemplateResult {
  return renderField({
    id: o.id,
    label: o.label,
    hint: o.hint,
    error: o.error,
    control: html`<select
      id=${o.id}
      name=${o.name}
      part="input"
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(fieldIds(o.id, o.hint, o.error))}
      ?disabled=${o.disabled ?? false}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
    >
      ${o.options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === o.value}>${opt.label}</option>`)}
    </select>`,
  });
}

export function renderSection(o: { heading: string; headingId: string; body: unknown }): TemplateResult {
  return html`<section class="section" part="section" aria-labelledby=${o.headingId}>
    <h2 id=${o.headingId}>${o.heading}</h2>
    ${o.body}
  </section>`;
}

export type BannerTone = 'info' | 'danger' | 'success' | 'warning';

/**
 * Errors are alerts; everything else is polite status. `said`: the element's live region already
 * announces this result, so the banner is plain content and the result is heard once.
 */
export function renderBanner(tone: BannerTone, body: unknown, actions?: unknown, said?: boolean): TemplateResult {
  return html`<div class="banner" part="banner" data-tone=${tone} role=${said ? nothing : tone === 'danger' ? 'alert' : 'status'}>
    <div>${body}</div>
    ${actions ? html`<div class="actions">${actions}</div>` : nothing}
  </div>`;
}

export function renderSkeleton(rows = 4): TemplateResult {
  return html`<div class="skeleton" part="skeleton" aria-hidden="true">
    ${Array.from({ length: rows * 2 }, () => html`<span></span>`)}
  </div>`;
}

/**
 * A text-like `<input>` field whose `name` is its field path. Its value is bound with `live()`: a
 * host may record keystrokes without rendering (SettingsController.input), so the DOM, not the last
 * rendered value, is what a later render must compare with (Discard restoring the saved text).
 */
export function renderInputField(o: {
  id: string;
  name: string;
  label: string;
  value: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date';
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel';
  autocomplete?: string;
  placeholder?: string;
  hint?: string | TemplateResult | undefined;
  error?: string | undefined;
  disabled?: boolean;
  onInput: (value: string) => void;
  onChange?: (value: string) => void;
}): TemplateResult {
  return renderField({
    id: o.id,
    label: o.label,
    hint: o.hint,
    error: o.error,
    control: html`<input
      id=${o.id}
      name=${o.name}
      part="input"
      type=${o.type ?? 'text'}
      inputmode=${ifDefined(o.inputMode)}
      autocomplete=${ifDefined(o.autocomplete)}
      placeholder=${ifDefined(o.placeholder)}
      .value=${live(o.value)}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(fieldIds(o.id, o.hint, o.error))}
      ?disabled=${o.disabled ?? false}
      @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
      @change=${(e: Event) => o.onChange?.((e.target as HTMLInputElement).value)}
    />`,
  });
}

/** A checkbox with its label beside it and an optional hint below. */
export function renderCheckboxField(o: {
  id: string;
  name: string;
  label: string;
  checked: boolean;
  hint?: string | TemplateResult | undefined;
  error?: string | undefined;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}): TemplateResult {
  return html`<div class="field" part="field">
    <label class="choice" part="label">
      <input
        type="checkbox"
        id=${o.id}
        name=${o.name}
        part="input"
        .checked=${o.checked}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(fieldIds(o.id, o.hint, o.error))}
        ?disabled=${o.disabled ?? false}
        @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)}
      />
      ${o.label}
    </label>
    ${o.hint ? html`<div class="hint" id="${o.id}-hint" part="hint">${o.hint}</div>` : nothing}
    ${o.error ? html`<div class="error" id="${o.id}-error" part="error">${o.error}</div>` : nothing}
  </div>`;
}

/** Save and Discard, shared by every settings form. */
export function renderFormActions(o: { canSave: boolean; dirty: boolean; saving: boolean; onDiscard: () => void }): TemplateResult {
  return html`<div class="actions">
    <button type="submit" class="primary" part="button button-primary" ?disabled=${!o.canSave}>
      ${o.saving ? msg('Saving…') : msg('Save')}
    </button>
    <button type="button" part="button" ?disabled=${!o.dirty || o.saving} @click=${o.onDiscard}>${msg('Discard changes')}</button>
  </div>`;
}
