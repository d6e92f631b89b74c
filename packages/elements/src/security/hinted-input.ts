import { LightInput, type LightInputOptions } from '../base/light-input.js';

/**
 * A light-DOM credential input with help text (the strength meter in words, the code word's
 * purpose) that the input names in `aria-describedby`: the text is a light-DOM node too, since
 * `aria-describedby` cannot point into the shadow root.
 */
export class HintedLightInput extends LightInput {
  #hint: HTMLSpanElement | undefined;

  constructor(
    host: HTMLElement,
    private readonly options: LightInputOptions,
  ) {
    super(host, options);
  }

  /** Created with the input, on first use. */
  get hint(): HTMLSpanElement {
    if (!this.#hint) {
      this.#hint = document.createElement('span');
      this.#hint.id = `${this.input.id}-hint`;
      this.#hint.slot = `${this.options.slot}-hint`;
      this.#hint.setAttribute('part', 'hint');
    }
    return this.#hint;
  }

  override attach(labelText: string, errorText = '', hintText = ''): void {
    super.attach(labelText, errorText);
    if (this.hint.parentNode !== this.input.parentNode) this.error.after(this.hint);
    this.hint.textContent = hintText;
    const ids = [hintText ? this.hint.id : '', errorText ? this.error.id : ''].filter(Boolean).join(' ');
    if (ids) this.input.setAttribute('aria-describedby', ids);
    else this.input.removeAttribute('aria-describedby');
  }

  override detach(): void {
    super.detach();
    this.#hint?.remove();
  }
}
