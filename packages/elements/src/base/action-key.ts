import { newIdempotencyKey } from '@acct/core';

/**
 * The idempotency key of one user action: the same on every retry, so a server that did the work
 * before its answer was lost replies with the first result instead of acting twice. A new key once
 * what is sent changes (another `fingerprint`, or `reset()` when the user edits a secret field,
 * whose value is never kept for comparing) or after the action succeeded.
 */
export class ActionKey {
  #key: string | undefined;
  #print = '';

  key(fingerprint = ''): string {
    if (this.#key === undefined || this.#print !== fingerprint) {
      this.#key = newIdempotencyKey();
      this.#print = fingerprint;
    }
    return this.#key;
  }

  reset(): void {
    this.#key = undefined;
  }
}
