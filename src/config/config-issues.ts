/**
 * zod's findings about a configuration, said in Chinese: what a key needs, "missing" only for a key that is not
 * there, and for a misspelt key the nearest known one ("chats.leader：不认识的配置项，是不是 chats.leaders？").
 * Values are never repeated back: a secret typed in the wrong place must not appear in a message.
 */
import type { z } from 'zod';
import { nearestWord } from '../domain/edit-distance.js';
import { formatPath, type ConfigIssue } from './config-error.js';

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue & { input?: unknown };

/** The parts of a zod schema's definition needed to list the keys allowed at a path. */
interface SchemaNode {
  _zod: { def: { type: string; shape?: Record<string, SchemaNode>; innerType?: SchemaNode; valueType?: SchemaNode; element?: SchemaNode } };
}

const KINDS: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（如 [a, b]）',
  object: '一组设置（键: 值）',
  record: '一组设置（键: 值）',
};

/** What kind of value was written, named without repeating it. */
function kindOf(input: unknown): string {
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'string') return '文字';
  if (typeof input === 'number') return '数字';
  if (typeof input === 'boolean') return 'true/false';
  return typeof input === 'object' ? '一组设置' : '其他内容';
}

/** Chinese text for the issues the schema gives no message of its own (the per-parse error map). */
export function chineseMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const kind = KINDS[issue.expected] ?? issue.expected;
      return issue.input === null ? `为空：需要${kind}` : `需要${kind}，这里写的是${kindOf(issue.input)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `至少需要 ${issue.minimum} 项`;
      return issue.origin === 'string' ? '不能为空' : `不能小于 ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' ? `最多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return `只能是 ${issue.values.map(String).join('、')}`;
    default:
      return '取值不对，请对照 config/duban.example.yaml';
  }
}

/** The issues as ConfigIssues, one per unknown key. `schema` lists the keys allowed where a key is unknown. */
export function configIssues(issues: readonly Issue[], schema: SchemaNode): ConfigIssue[] {
  return issues.flatMap((issue): ConfigIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(schema, issue.path);
      return issue.keys.map((key) => {
        const near = nearestWord(key, known);
        const message = near
          ? `不认识的配置项，是不是 ${formatPath([...issue.path, near])}？`
          : `不认识的配置项${known.length > 0 ? `（这里可以写：${known.join('、')}）` : ''}；请对照 config/duban.example.yaml`;
        return { path: formatPath([...issue.path, key]), message };
      });
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return [{ path: formatPath(issue.path), message: missing ? `缺少这一项：${issue.message}` : issue.message }];
  });
}

/** The keys an object in the schema allows at `path` (records and lists stepped through); [] when not an object. */
function keysAt(schema: SchemaNode, path: readonly PropertyKey[]): string[] {
  let node: SchemaNode | undefined = unwrap(schema);
  for (const key of path) {
    const def: SchemaNode['_zod']['def'] = node._zod.def;
    node = def.type === 'object' ? def.shape?.[String(key)] : def.type === 'record' ? def.valueType : def.type === 'array' ? def.element : undefined;
    if (!node) return [];
    node = unwrap(node);
  }
  return node._zod.def.type === 'object' ? Object.keys(node._zod.def.shape ?? {}) : [];
}

/** The schema under defaults and optional markers. */
function unwrap(node: SchemaNode): SchemaNode {
  let current = node;
  while (current._zod.def.innerType) current = current._zod.def.innerType;
  return current;
}
