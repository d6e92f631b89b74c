import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

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

/** Errors are alerts; everything else is polite status. */
export function renderBanner(tone: BannerTone, body: unknown, actions?: unknown): TemplateResult {
  return html`<div class="banner" part="banner" data-tone=${tone} role=${tone === 'danger' ? 'alert' : 'status'}>
    <div>${body}</div>
    ${actions ? html`<div class="actions">${actions}</div>` : nothing}
  </div>`;
}

export function renderSkeleton(rows = 4): TemplateResult {
  return html`<div class="skeleton" part="skeleton" aria-hidden="true">
    ${Array.from({ length: rows * 2 }, () => html`<span></span>`)}
  </div>`;
}
