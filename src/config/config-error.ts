/** Configuration problems, all reported at once: each with its key path and what is expected. */

export interface ConfigIssue {
  /** Key path as written in the YAML, e.g. "reminders.daysBefore[1]"; "" for the file as a whole. */
  path: string;
  /** Chinese, naming what is expected. Never contains a value from the file (it could be a secret). */
  message: string;
}

/** Thrown by loadConfig when the configuration cannot be used: every issue, in Chinese, in `message` too. */
export class ConfigError extends Error {
  readonly issues: ConfigIssue[];
  /** One sentence: which file, how many problems, at which keys. */
  readonly summary: string;
  readonly file: string | null;

  constructor(issues: ConfigIssue[], file: string | null, options?: { cause?: unknown }) {
    const keys = issues.map((i) => i.path || '(文件)').join('、');
    const summary = `配置文件${file ? ` ${file} ` : ''}有 ${issues.length} 处问题（${keys}），请按提示修改后重新运行。`;
    super(`${summary}\n${issues.map((i) => `  ${i.path || '(文件)'}：${i.message}`).join('\n')}`, options);
    this.name = 'ConfigError';
    this.issues = issues;
    this.file = file;
    this.summary = summary;
  }
}

/** Formats a key path the way it is written in YAML: a.b[1].c. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
