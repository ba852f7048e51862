/** Configuration problems, all reported at once: each with its key path and what is expected. */

export interface ConfigIssue {
  /** Key path as written in the YAML, e.g. "reminders.daysBefore[1]"; "" for the file as a whole. */
  path: string;
  /** English, naming what is expected. Never contains a secret value. */
  message: string;
}

/** Thrown by loadConfig when the configuration cannot be used. `message` lists every issue in English. */
export class ConfigError extends Error {
  readonly issues: ConfigIssue[];
  /** Chinese summary for the office. */
  readonly summary: string;
  readonly file: string | null;

  constructor(issues: ConfigIssue[], file: string | null) {
    const where = file ?? 'the configuration';
    const lines = issues.map((i) => `  ${i.path || '(file)'}: ${i.message}`);
    super(`${issues.length} problem(s) in ${where}:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
    this.file = file;
    const keys = issues.map((i) => i.path || '(文件)').join('、');
    this.summary = `配置文件${file ? ` ${file} ` : ''}有 ${issues.length} 处问题（${keys}），请按提示修改后重新运行。`;
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
