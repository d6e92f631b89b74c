import { msg, str } from '@lit/localize';
import type { AdapterError } from '@acct/core';

/** A translated sentence for every adapter error code. */
export function errorMessage(error: Pick<AdapterError, 'code' | 'retryAfter'>): string {
  switch (error.code) {
    case 'validation':
      return msg('Some fields need attention. Check the messages next to them.');
    case 'conflict':
      return msg('These settings were changed somewhere else while you were editing.');
    case 'forbidden':
      return msg('You do not have permission to do this.');
    case 'unauthenticated':
      return msg('Your session has ended. Sign in again and retry.');
    case 'not_found':
      return msg('This item no longer exists.');
    case 'rate_limited': {
      const seconds = Math.ceil(error.retryAfter ?? 0);
      return seconds > 0
        ? msg(str`Too many attempts. Try again in ${seconds} s.`)
        : msg('Too many attempts. Try again a little later.');
    }
    case 'reauth_required':
      return msg('Confirm it is you to continue.');
    case 'network':
      return msg('No connection to the server. Check your network and retry.');
    case 'timeout':
      return msg('The server took too long to answer. Retry in a moment.');
    case 'unavailable':
      return msg('The service is temporarily unavailable. Retry in a moment.');
    case 'invalid_response':
      return msg('The server sent an answer we could not read. Retry, or contact support if it repeats.');
    default:
      return msg('Something went wrong. Retry, or contact support if it repeats.');
  }
}

/** Shown by an element whose sub-API the host's adapter does not implement. */
export function missingApiMessage(name: string): string {
  return msg(str`This section is not available: the account adapter has no "${name}" API.`);
}

let fieldMessages: ((reason: string) => string) | undefined;
let fieldChunk: Promise<unknown> | undefined;

/** @internal Called by field-messages.ts when its chunk has arrived. */
export function setFieldMessages(translate: (reason: string) => string): void {
  fieldMessages = translate;
}

/** Fetches the field reasons' sentences (the first edit or a failed action asks for them). */
export function loadFieldMessages(): Promise<unknown> {
  // A failed fetch is forgotten, so the next need fetches again.
  return (fieldChunk ??= import('./field-messages.js').catch((e: unknown) => {
    fieldChunk = undefined;
    throw e;
  }));
}

/**
 * A field's reason code (`too_small`, `wrong_password`) as a sentence, for code in an element's
 * entry. Until the sentences' chunk is in (normally fetched at the first edit, well before any
 * error), the general "not valid" sentence stands in, and `host` renders again when it arrives.
 */
export function fieldMessage(reason: string, host?: { requestUpdate(): void; awaitChunk(load: Promise<unknown>): void }): string {
  if (fieldMessages) return fieldMessages(reason);
  if (host) host.awaitChunk(loadFieldMessages().then(() => host.requestUpdate()));
  return msg('This value is not valid.');
}
