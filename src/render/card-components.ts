/**
 * Interactive parts of a Feishu card JSON 2.0: buttons whose callback `value` says what to do, a form with named
 * inputs, a date picker. Names are unique within a card (Feishu refuses duplicates); a value is always an object.
 */

type Element = Record<string, unknown>;

/** What a button asks for, sent back in the card.action.trigger callback's action.value. */
export type ActionValue = Record<string, string>;

const plain = (content: string) => ({ tag: 'plain_text', content });

/** A button with a callback; inside a form it submits the form. `confirm` asks before the click counts. */
export function button(text: string, value: ActionValue, options: { type?: string; name?: string; submit?: boolean; confirm?: string } = {}): Element {
  return {
    tag: 'button',
    ...(options.name ? { name: options.name } : {}),
    type: options.type ?? 'default',
    size: 'small',
    text: plain(text),
    ...(options.submit ? { form_action_type: 'submit' } : {}),
    ...(options.confirm ? { confirm: { title: plain(`确认${text}？`), text: plain(options.confirm) } } : {}),
    behaviors: [{ type: 'callback', value }],
  };
}

/** A one-line (or multi-line) text input of a form. */
export function input(name: string, placeholder: string, options: { multiline?: boolean; maxLength?: number } = {}): Element {
  return {
    tag: 'input',
    name,
    placeholder: plain(placeholder),
    ...(options.multiline ? { input_type: 'multiline_text', rows: 2 } : {}),
    max_length: options.maxLength ?? 500,
  };
}

/** A date picker of a form; its value comes back as "YYYY-MM-DD +0800". */
export function datePicker(name: string, placeholder: string, initialDate?: string): Element {
  return { tag: 'date_picker', name, placeholder: plain(placeholder), ...(initialDate ? { initial_date: initialDate } : {}) };
}

/** Buttons side by side. */
export function buttonRow(buttons: Element[]): Element {
  return {
    tag: 'column_set',
    flex_mode: 'flow',
    horizontal_spacing: 'small',
    columns: buttons.map((b) => ({ tag: 'column', width: 'auto', elements: [b] })),
  };
}

/** A form (root level only, Feishu's rule): its inputs come back in form_value when one of its buttons submits it. */
export function form(name: string, elements: Element[]): Element {
  return { tag: 'form', name, elements };
}
