// The write of a list element (create, revoke, invite, request): what runs only after a user's
// action, so it is a chunk (issue 10). The elements' own action chunks call `act` directly; code
// in an element's entry calls ResourceController.act, which fetches this on the first action.
import { isAbortError, newIdempotencyKey, parseResponse, toAdapterError, type Schema, type WriteOptions } from '@acct/core';
import { ReauthCancelled } from './reauth.js';
import type { ResourceController } from './resource-controller.js';
// A failed action's fields are shown with their sentences: they come with this chunk.
import '../i18n/field-messages.js';

/**
 * Runs a write. `fingerprint` identifies the input: the same input again (a retry) gets the same
 * idempotency key, so the server applies it once. Resolves with the result, or undefined when
 * it failed (recorded in `failure`, announced, `acct-error` emitted) or was cancelled. The answer
 * is parsed with `reply` (core's schema of what the method returns; `Empty` for a void write), so
 * a malformed one is an `invalid_response` failure, not a success.
 */
export async function act<R, T, A>(
  c: ResourceController<T, A>,
  operation: string,
  fingerprint: string,
  run: (o: WriteOptions) => Promise<unknown>,
  reply: Schema<R>,
  o: { success?: string; reload?: boolean } = {},
): Promise<{ value: R } | undefined> {
  if (c.pending) return undefined;
  const print = `${operation}\u0000${fingerprint}`;
  if (c._idempotency?.fingerprint !== print) c._idempotency = { fingerprint: print, key: newIdempotencyKey() };
  const idempotencyKey = c._idempotency.key;
  c.pending = operation;
  c.failure = undefined;
  c.announcement = '';
  c.host.requestUpdate();
  const { signal } = (c._abort = new AbortController());
  try {
    const value = parseResponse(reply, await c.reauth.run(() => run({ signal, idempotencyKey })));
    c._idempotency = undefined;
    c.pending = undefined;
    if (o.success) c.announcement = o.success;
    c.host.requestUpdate();
    if (o.reload !== false) await c.reload();
    return { value };
  } catch (e) {
    c.pending = undefined;
    if (!isAbortError(e) && !(e instanceof ReauthCancelled)) {
      const error = toAdapterError(e);
      c._fail(operation, error);
      // The thing acted on is gone or changed elsewhere, or the answer could not be read (the
      // write may have happened): show the list as it is now.
      if (error.code === 'not_found' || error.code === 'conflict' || error.code === 'invalid_response') void c.reload();
    }
    c.host.requestUpdate();
    return undefined;
  }
}
