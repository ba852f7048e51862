/**
 * The `fields` system parameter of Google APIs (a partial-response mask such as
 * "sheets(properties(sheetId,title),data(rowData(values(dataValidation))))"): parsing it and keeping only the named
 * parts of an answer, as the real API does. The comma-and-parentheses form only (no "a/b" paths).
 */

/** A parsed mask: each named field, with the mask of its own fields (null: the whole value). */
export type FieldsMask = Map<string, FieldsMask | null>;

/** Parses "a,b(c,d(e))". */
export function parseFieldsMask(text: string): FieldsMask {
  let i = 0;
  const parse = (): FieldsMask => {
    const mask: FieldsMask = new Map();
    while (i < text.length && text[i] !== ')') {
      let name = '';
      while (i < text.length && !',()'.includes(text[i])) name += text[i++];
      let sub: FieldsMask | null = null;
      if (text[i] === '(') {
        i += 1;
        sub = parse();
        i += 1; // the closing parenthesis
      }
      if (name.trim()) mask.set(name.trim(), sub);
      if (text[i] === ',') i += 1;
    }
    return mask;
  };
  return parse();
}

/** The value with only the masked fields (lists are masked item by item). */
export function applyFieldsMask(value: unknown, mask: FieldsMask | null): unknown {
  if (mask === null || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => applyFieldsMask(item, mask));
  const kept: Record<string, unknown> = {};
  for (const [name, sub] of mask) {
    const field = (value as Record<string, unknown>)[name];
    if (field !== undefined) kept[name] = applyFieldsMask(field, sub);
  }
  return kept;
}
