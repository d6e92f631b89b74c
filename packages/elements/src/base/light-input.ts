/**
 * Credential inputs (password, code word, one-time code) live in the element's light DOM and are
 * slotted into its shadow layout: password managers and Safari autofill only see the light DOM.
 * Their label and error text are light-DOM nodes too, so `aria-labelledby` / `aria-describedby`
 * stay within one tree scope. Created with DOM APIs; no HTML strings.
 */
export interface LightInputOptions {
  slot: string;
  name: string;
  type: 'password' | 'text';
  autocomplete: string;
  inputMode?: 'numeric' | 'text';
}

let counter = 0;

export class LightInput {
  readonly input: HTMLInputElement;
  readonly label: HTMLSpanElement;
  readonly error: HTMLSpanElement;

  constructor(
    private readonly host: HTMLElement,
    options: LightInputOptions,
  ) {
    const id = `acct-li-${++counter}`;
    this.label = document.createElement('span');
    this.label.id = `${id}-label`;
    this.label.slot = `${options.slot}-label`;
    this.error = document.createElement('span');
    this.error.id = `${id}-error`;
    this.error.slot = `${options.slot}-error`;
    this.error.setAttribute('part', 'error');
    this.input = document.createElement('input');
    this.input.id = id;
    this.input.slot = options.slot;
    this.input.name = options.name;
    this.input.autocomplete = options.autocomplete as AutoFill;
    this.input.setAttribute('aria-labelledby', this.label.id);
    this.configure(options);
    // Clicking the visible label focuses the input, as a <label> would.
    this.label.addEventListener('click', () => this.input.focus());
  }

  configure(options: Pick<LightInputOptions, 'type' | 'autocomplete' | 'name' | 'inputMode'>): void {
    this.input.type = options.type;
    this.input.name = options.name;
    this.input.autocomplete = options.autocomplete as AutoFill;
    if (options.inputMode) this.input.inputMode = options.inputMode;
    else this.input.removeAttribute('inputmode');
  }

  /** Puts the nodes in the host's light DOM (idempotent) and refreshes their texts. */
  attach(labelText: string, errorText = ''): void {
    if (this.input.parentNode !== this.host) this.host.append(this.label, this.input, this.error);
    this.label.textContent = labelText;
    this.error.textContent = errorText;
    this.input.setAttribute('aria-invalid', errorText ? 'true' : 'false');
    if (errorText) this.input.setAttribute('aria-describedby', this.error.id);
    else this.input.removeAttribute('aria-describedby');
  }

  detach(): void {
    this.clear();
    this.label.remove();
    this.input.remove();
    this.error.remove();
  }

  /** Secrets do not linger in the DOM after use. */
  clear(): void {
    this.input.value = '';
  }
}
