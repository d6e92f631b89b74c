import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { renderBanner } from './field.js';

/** One wording for every lazy chunk that could not be fetched (offline, a deploy replaced it). */
export const loadFailureText = (): string => msg('This part of the page could not be loaded. Check your connection and retry.');

/**
 * A lazy part (base/lazy.ts) whose chunk could not be fetched, shown next to the control that
 * needed it. Retry runs the control's action again, whose `load()` fetches the chunk anew.
 */
export function renderLoadFailure(retry: () => unknown): TemplateResult {
  return renderBanner('danger', loadFailureText(), html`<button type="button" part="button" @click=${retry}>${msg('Retry')}</button>`);
}
