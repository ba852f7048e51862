/** The parts of a `card.action.trigger` callback the bot uses, read defensively from untrusted input (flattened by the SDK, or the raw envelope). */

/** A click on a card button (or a form submitted by one). */
export interface CardAction {
  /** The callback's event_id: a re-delivered callback carries the same one. */
  eventId: string;
  operatorOpenId: string | null;
  /** The button's `value` (strings only; anything else is dropped). */
  value: Record<string, string>;
  /** The form's fields when the button submitted a form. */
  form: Record<string, string>;
  /** The card's message and chat. */
  messageId: string | null;
  chatId: string | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Text fields of an object: strings kept, numbers written out, everything else (objects, arrays) dropped. */
function textFields(value: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, v] of Object.entries(obj(value))) {
    if (typeof v === 'string') fields[key] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) fields[key] = String(v);
  }
  return fields;
}

/** Reads a card action callback; null when the event is not one (or lacks an event id). */
export function readCardAction(event: unknown): CardAction | null {
  const root = obj(event);
  const header = obj(root.header);
  const body = 'event' in root && 'header' in root ? { ...header, ...obj(root.event) } : root;
  if (str(body.event_type) !== null && body.event_type !== 'card.action.trigger') return null;
  const action = obj(body.action);
  const eventId = str(body.event_id);
  if (!eventId || !('value' in action || 'form_value' in action)) return null;
  const context = obj(body.context);
  return {
    eventId,
    operatorOpenId: str(obj(body.operator).open_id),
    value: textFields(action.value),
    form: textFields(action.form_value),
    messageId: str(context.open_message_id),
    chatId: str(context.open_chat_id),
  };
}
