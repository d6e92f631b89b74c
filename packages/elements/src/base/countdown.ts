import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Seconds until an action may be repeated (resend a code, retry after `rate_limited`). Ticks
 * once a second while running and re-renders the host; stops when the host disconnects.
 */
export class CountdownController implements ReactiveController {
  #until = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whole seconds left, 0 when the action is allowed. */
  get remaining(): number {
    return Math.max(0, Math.ceil((this.#until - Date.now()) / 1000));
  }

  start(seconds: number): void {
    this.#until = Date.now() + Math.max(0, seconds) * 1000;
    this.#tick();
  }

  hostConnected(): void {
    if (this.remaining > 0) this.#tick();
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    clearInterval(this.#timer);
    this.host.requestUpdate();
    if (this.remaining === 0) return;
    this.#timer = setInterval(() => {
      this.host.requestUpdate();
      if (this.remaining === 0) {
        clearInterval(this.#timer);
        this.#timer = undefined;
      }
    }, 1000);
  }
}
