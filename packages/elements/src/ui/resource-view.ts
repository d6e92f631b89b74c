import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ResourceController } from '../base/resource-controller.js';
import { missingApiMessage } from '../i18n/messages.js';
import { renderBanner, renderSkeleton } from './field.js';
import { retryLoad } from './retry.js';

/**
 * The states every list element shares: missing sub-API, loading skeleton, load error with
 * retry, then the element's own content. The live region and dialogs are the element's.
 */
export function renderResource<T, A>(ctrl: ResourceController<T, A>, apiName: string, ready: (data: T) => unknown): unknown {
  switch (ctrl.phase) {
    case 'missing':
      return renderBanner('warning', missingApiMessage(apiName));
    case 'loading':
      return html`<div aria-busy="true">${renderSkeleton(3)}<span class="visually-hidden">${msg('Loading…')}</span></div>`;
    case 'error':
      return renderBanner('danger', ctrl.loadErrorMessage, html`<button type="button" part="button" @click=${(e: Event) => retryLoad(e, ctrl)}>${msg('Retry')}</button>`);
    default:
      return ready(ctrl.data as T);
  }
}

/** An action's failure next to the form or button it belongs to (validation stays by the fields). */
export function renderFailure<T, A>(ctrl: ResourceController<T, A>, operation: string): TemplateResult | typeof nothing {
  const message = ctrl.failureMessage(operation);
  if (!message) return nothing;
  // The alert says it; the element's live region (rendered after this) does not say it again.
  ctrl._alert(message);
  return renderBanner('danger', message);
}
