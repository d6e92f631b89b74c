import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { renderField } from './field.js';

export type TicketFieldName = 'subject' | 'body';

/**
 * The subject and message of a support ticket, as the overview's ticket form, security's code
 * word change request and phone verification's last step ask for them. The controls are named
 * `subject` and `body` (the adapter's fields); their ids are `prefix` + name.
 */
export interface TicketFields {
  /** Omitted: the message alone (phone verification says what the ticket is about). */
  subject?: string | undefined;
  body: string;
  onInput: (name: TicketFieldName, value: string) => void;
  /** Default `ticket-`. */
  prefix?: string;
  /** Default "Message". */
  bodyLabel?: string;
  /** Default 4. */
  rows?: number;
  /**
   * Given by a form that checks its fields before sending (the overview's): the controls then say
   * whether they are invalid, and the subject keeps to the API's 200 characters.
   */
  errors?: Partial<Record<TicketFieldName, string | undefined>>;
}

export function renderTicketFields(o: TicketFields): TemplateResult {
  const { errors, prefix = 'ticket-' } = o;
  const field = (name: TicketFieldName, label: string, control: (id: string, error: string | undefined) => TemplateResult) => {
    const id = prefix + name;
    const error = errors?.[name];
    return renderField({ id, label, error, control: control(id, error) });
  };
  const input = (e: Event) => {
    const target = e.target as HTMLInputElement | HTMLTextAreaElement;
    o.onInput(target.name as TicketFieldName, target.value);
  };
  // An attribute bound to `nothing` is not rendered (as `ifDefined` does, without its import).
  const invalid = (error: string | undefined) => (errors ? (error ? 'true' : 'false') : nothing);
  const describedBy = (id: string, error: string | undefined) => (error ? `${id}-error` : nothing);
  return html`${o.subject === undefined
      ? nothing
      : field(
          'subject',
          msg('Subject'),
          (id, error) => html`<input
            id=${id}
            name="subject"
            part="input"
            autocomplete=${errors ? 'off' : nothing}
            maxlength=${errors ? 200 : nothing}
            aria-invalid=${invalid(error)}
            aria-describedby=${describedBy(id, error)}
            .value=${o.subject ?? ''}
            @input=${input}
          />`,
        )}
    ${field(
      'body',
      o.bodyLabel ?? msg('Message'),
      (id, error) => html`<textarea
        id=${id}
        name="body"
        part="input"
        rows=${o.rows ?? 4}
        aria-invalid=${invalid(error)}
        aria-describedby=${describedBy(id, error)}
        .value=${o.body}
        @input=${input}
      ></textarea>`,
    )}`;
}
