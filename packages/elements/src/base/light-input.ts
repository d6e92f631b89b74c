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

interface Nodes {
  input: HTMLInputElement;
  label: HTMLSpanElement;
  error: HTMLSpanElement;
}

export class LightInput {
  // Created on first use: an element may hold several credential forms that most visits never
  // open, and building their nodes up front was a measurable part of its first render.
  #nodes: Nodes | undefined;
  #options: LightInputOptions;
  readonly #listeners: [string, EventListener][] = [];

  constructor(
    private readonly host: HTMLElement,
    options: LightInputOptions,
  ) {
    this.#options = { ...options };
  }

  get input(): HTMLInputElement {
    return this.#create().input;
  }

  get label(): HTMLSpanElement {
    return this.#create().label;
  }

  get error(): HTMLSpanElement {
    return this.#create().error;
  }

  #create(): Nodes {
    if (this.#nodes) return this.#nodes;
    const options = this.#options;
    const id = `acct-li-${++counter}`;
    const label = document.createElement('span');
    label.id = `${id}-label`;
    label.slot = `${options.slot}-label`;
    const error = document.createElement('span');
    error.id = `${id}-error`;
    error.slot = `${options.slot}-error`;
    error.setAttribute('part', 'error');
    const input = document.createElement('input');
    input.id = id;
    input.slot = options.slot;
    input.setAttribute('aria-labelledby', label.id);
    this.#nodes = { input, label, error };
    this.#apply(options);
    // Clicking the visible label focuses the input, as a <label> would.
    label.addEventListener('click', () => input.focus());
    // A light-DOM input has no form owner in the shadow root, so Enter would do nothing: submit
    // the form its slot sits in, as a native input would (not while an IME is composing).
    input.addEventListener('keydown', (e) => {
      const form = e.key === 'Enter' && !e.isComposing ? input.assignedSlot?.closest('form') : undefined;
      if (!form) return;
      e.preventDefault();
      form.requestSubmit();
    });
    for (const [type, listener] of this.#listeners) input.addEventListener(type, listener);
    return this.#nodes;
  }

  /** Listens to the input's events, now or once it exists. */
  on<K extends keyof HTMLElementEventMap>(type: K, listener: (event: HTMLElementEventMap[K]) => void): void {
    this.#listeners.push([type, listener as EventListener]);
    this.#nodes?.input.addEventListener(type, listener as EventListener);
  }

  configure(options: Pick<LightInputOptions, 'type' | 'autocomplete' | 'name' | 'inputMode'>): void {
    this.#options = { ...this.#options, ...options, inputMode: options.inputMode };
    if (this.#nodes) this.#apply(options);
  }

  #apply(options: Pick<LightInputOptions, 'type' | 'autocomplete' | 'name' | 'inputMode'>): void {
    const input = this.#create().input;
    input.type = options.type;
    input.name = options.name;
    input.autocomplete = options.autocomplete as AutoFill;
    if (options.inputMode) input.inputMode = options.inputMode;
    else input.removeAttribute('inputmode');
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
    if (!this.#nodes) return;
    this.clear();
    this.label.remove();
    this.input.remove();
    this.error.remove();
  }

  /** Secrets do not linger in the DOM after use. */
  clear(): void {
    if (this.#nodes) this.#nodes.input.value = '';
  }
}
