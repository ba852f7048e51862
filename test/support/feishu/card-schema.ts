/**
 * What real Feishu refuses in a card JSON 2.0 (the card structure, the table and rich-text components, the
 * element_id rules): used by the loopback's checkContent for interactive messages.
 */

type Obj = Record<string, unknown>;

const HEADER_TEMPLATES = new Set(['blue', 'wathet', 'turquoise', 'green', 'yellow', 'orange', 'red', 'carmine', 'violet', 'purple', 'indigo', 'grey', 'default']);
const TABLE_DATA_TYPES = new Set(['text', 'lark_md', 'options', 'number', 'persons', 'date', 'markdown']);
// Letters, digits and _, starting with a letter, 1–20 characters, unique within the card.
const ELEMENT_ID = /^[A-Za-z][A-Za-z0-9_]{0,19}$/;
// <font color> takes a colour name (the header colours plus a few, optionally with a shade such as red-500) or rgba().
const FONT_COLOR = /^(?:(?:blue|wathet|turquoise|green|yellow|orange|red|carmine|violet|purple|indigo|grey|lime|sunflower|neutral)(?:-\d{2,3})?|default|rgba?\([\d.,\s%]+\))$/;
const MAX_TABLES = 5;
// The chart component: a VChart spec with inline data (no functions), one of these types, layouts and themes.
const CHART_TYPES = new Set(['line', 'area', 'bar', 'pie', 'common', 'funnel', 'scatter', 'radar', 'linearProgress', 'circularProgress', 'wordCloud']);
const ASPECT_RATIOS = new Set(['1:1', '2:1', '4:3', '16:9']);
const COLOR_THEMES = new Set(['brand', 'rainbow', 'complementary', 'converse', 'primary']);
const MAX_COLUMNS = 50;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every component of a container list, depth first, with its nesting depth (body.elements = 0). */
function* components(list: unknown, depth: number): Generator<{ el: Obj; depth: number }> {
  if (!Array.isArray(list)) return;
  for (const el of list) {
    if (!isObj(el)) continue;
    yield { el, depth };
    for (const key of ['elements', 'columns']) if (el.tag !== 'table') yield* components(el[key], depth + 1);
  }
}

function tableProblem(table: Obj, depth: number): string | null {
  if (depth > 0) return 'table must sit at the card root, not inside a container';
  const columns = table.columns;
  if (!Array.isArray(columns) || columns.length === 0 || columns.length > MAX_COLUMNS) return `table needs 1-${MAX_COLUMNS} columns`;
  for (const c of columns) {
    if (!isObj(c) || typeof c.name !== 'string' || c.name === '') return 'table column without a name';
    if (c.display_name !== undefined && typeof c.display_name !== 'string') return `column ${c.name}: display_name must be a string`;
    if (!TABLE_DATA_TYPES.has(String(c.data_type))) return `column ${c.name}: unknown data_type ${String(c.data_type)}`;
  }
  if (table.page_size !== undefined && !(Number.isInteger(table.page_size) && (table.page_size as number) >= 1 && (table.page_size as number) <= 10)) {
    return 'table page_size must be 1-10';
  }
  if (!Array.isArray(table.rows) || !table.rows.every(isObj)) return 'table rows must be objects keyed by column name';
  return null;
}

function chartProblem(chart: Obj): string | null {
  const spec = chart.chart_spec;
  if (!isObj(spec)) return 'chart needs chart_spec (a VChart spec object)';
  if (!CHART_TYPES.has(String(spec.type))) return `chart_spec.type ${String(spec.type)} is not a supported chart type`;
  if (chart.aspect_ratio !== undefined && !ASPECT_RATIOS.has(String(chart.aspect_ratio))) return `chart aspect_ratio ${String(chart.aspect_ratio)} is not one of 1:1, 2:1, 4:3, 16:9`;
  if (chart.color_theme !== undefined && !COLOR_THEMES.has(String(chart.color_theme))) return `chart color_theme ${String(chart.color_theme)} is unknown`;
  if (chart.height !== undefined && chart.height !== 'auto') {
    const px = /^(\d+)px$/.exec(String(chart.height));
    if (!px || Number(px[1]) < 1 || Number(px[1]) > 999) return 'chart height must be auto or 1px-999px';
  }
  const data = spec.data;
  const sets = Array.isArray(data) ? data : [data];
  for (const set of sets) {
    if (!isObj(set) || !Array.isArray(set.values) || !set.values.every(isObj)) return 'chart_spec.data needs inline values (an array of objects)';
  }
  // Fields the spec plots must be in the data.
  const values = sets.flatMap((set) => (set as { values: Obj[] }).values);
  for (const key of ['xField', 'yField', 'seriesField', 'categoryField', 'valueField']) {
    const fields = spec[key] === undefined ? [] : Array.isArray(spec[key]) ? (spec[key] as unknown[]) : [spec[key]];
    for (const field of fields) if (!values.every((v) => String(field) in v)) return `chart_spec.${key} ${String(field)} is missing from the data`;
  }
  return null;
}

function fontProblem(markdown: string): string | null {
  for (const [, color] of markdown.matchAll(/<font\s+color\s*=\s*['"]?([^'">]+)['"]?\s*>/g)) {
    if (!FONT_COLOR.test(color.trim())) return `unsupported <font color> "${color}"`;
  }
  return null;
}

// Components a form sends back by name; each needs a non-empty name, unique across the card.
const NAMED_IN_FORM = new Set(['input', 'date_picker', 'picker_time', 'picker_datetime', 'select_static', 'multi_select_static', 'select_person', 'multi_select_person', 'checker']);

/** A form's rules: at the root only, no table/chart/form inside, named fields, a submit button. */
function formProblem(form: Obj, depth: number, names: Set<string>): string | null {
  if (depth > 0) return 'form must sit at the card root';
  if (typeof form.name !== 'string' || form.name === '') return 'form without a name (200530)';
  let submit = false;
  for (const { el } of components(form.elements, 1)) {
    if (el.tag === 'form' || el.tag === 'table' || el.tag === 'chart') return `form cannot contain a ${String(el.tag)}`;
    const named = NAMED_IN_FORM.has(String(el.tag)) || (el.tag === 'button' && el.form_action_type !== undefined);
    if (el.tag === 'button' && (el.form_action_type === 'submit' || el.action_type === 'form_submit')) submit = true;
    if (!named) continue;
    if (typeof el.name !== 'string' || el.name === '') return `${String(el.tag)} in a form without a name (200530)`;
    if (names.has(el.name)) return `duplicate component name "${el.name}"`;
    names.add(el.name);
  }
  return submit ? null : 'form without a submit button';
}

/** Why Feishu would refuse this card JSON 2.0 (error 230099 / 200621), or null; 1.0 cards and template/card-entity references pass. */
export function cardProblem(card: unknown): string | null {
  if (!isObj(card) || card.type === 'template' || card.type === 'card') return null;
  if (card.schema !== '2.0') return card.body !== undefined ? 'a card with body must declare schema "2.0"' : null;
  if (isObj(card.config) && card.config.update_multi === false) return 'JSON 2.0 cards only support update_multi: true';
  const header = card.header;
  if (header !== undefined) {
    if (!isObj(header) || !isObj(header.title) || typeof header.title.content !== 'string') return 'header needs a title {tag, content}';
    if (header.template !== undefined && !HEADER_TEMPLATES.has(String(header.template))) return `unknown header.template "${String(header.template)}"`;
  }
  if (!isObj(card.body) || !Array.isArray(card.body.elements)) return 'JSON 2.0 needs body.elements';
  const ids = new Set<string>();
  const names = new Set<string>();
  let tables = 0;
  for (const { el, depth } of components(card.body.elements, 0)) {
    if (typeof el.tag !== 'string') return 'component without a tag';
    if (el.element_id !== undefined) {
      const id = String(el.element_id);
      if (!ELEMENT_ID.test(id)) return `invalid element_id "${id}"`;
      if (ids.has(id)) return `duplicate element_id "${id}"`;
      ids.add(id);
    }
    if (el.tag === 'table') {
      tables += 1;
      const problem = tableProblem(el, depth);
      if (problem) return problem;
    }
    if (el.tag === 'chart') {
      const problem = chartProblem(el);
      if (problem) return problem;
    }
    if (el.tag === 'form') {
      const problem = formProblem(el, depth, names);
      if (problem) return problem;
    }
    if (el.tag === 'button' && Array.isArray(el.behaviors)) {
      const bad = el.behaviors.find((b) => isObj(b) && b.type === 'callback' && !isObj(b.value));
      if (bad) return 'a callback behaviour\'s value must be an object';
    }
    if (el.tag === 'markdown') {
      const problem = typeof el.content === 'string' ? fontProblem(el.content) : 'markdown without content';
      if (problem) return problem;
    }
  }
  return tables > MAX_TABLES ? 'card table number over limit' : null;
}
