import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { renderBanner } from './field.js';

/**
 * A lazy part (base/lazy.ts) whose chunk could not be fetched (offline, a deploy replaced it),
 * shown next to the control that needed it, in one wording for every chunk. Retry runs the
 * control's action again, whose `load()` fetches the chunk anew.
 */
export function renderLoadFailure(retry: () => unknown): TemplateResult {
  return renderBanner(
    'danger',
    msg('This part of the page could not be loaded. Check your connection and retry.'),
    html`<button type="button" part="button" @click=${retry}>${msg('Retry')}</button>`,
  );
}
