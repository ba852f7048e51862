import { describe, expect, it } from 'vitest';
import { guardCardLineStart, escapeCardMarkdown, escapeMarkdown, isSafeUrl } from '../../src/render/escape.js';

const HOSTILE = '<at id=all></at> **加粗** [点我](javascript:alert(1)) </font><font color=red> ~~删~~ `code` _x_ | a\\b';

describe('escapeCardMarkdown', () => {
  it('leaves no mention, link, font tag or emphasis markup in hostile text', () => {
    const out = escapeCardMarkdown(HOSTILE);
    for (const markup of ['<at', '</at>', '**', '](', '</font>', '<font', '~~', '`', '_x_', '|']) expect(out).not.toContain(markup);
    expect(out).toContain('&lt;at id=all&gt;&lt;/at&gt;');
  });

  it('keeps ordinary Chinese text as it is and flattens line breaks', () => {
    expect(escapeCardMarkdown('双拥公园维护，完成 80%')).toBe('双拥公园维护，完成 80%');
    expect(escapeCardMarkdown('第一行\n- 第二行')).toBe('第一行 - 第二行');
  });

  it('guards heading and list markers at the start of a line only', () => {
    expect(guardCardLineStart(escapeCardMarkdown('# 标题'))).toBe('&#35; 标题');
    expect(guardCardLineStart('- 项')).toBe('&#45; 项');
    expect(guardCardLineStart('1. 项')).toBe('1&#46; 项');
    expect(guardCardLineStart('A-1 #2')).toBe('A-1 #2');
    // Inside a line (a task id in bold, after "- ") "#" is plain text and stays readable.
    expect(escapeCardMarkdown('#6')).toBe('#6');
  });
});

describe('escapeMarkdown', () => {
  it('backslash-escapes markup characters in hostile text', () => {
    const out = escapeMarkdown(HOSTILE);
    expect(out).toContain('\\<at id=all\\>');
    expect(out).toContain('\\*\\*加粗\\*\\*');
    expect(out).toContain('\\[点我\\]\\(javascript:alert\\(1\\)\\)');
    expect(out).not.toMatch(/(^|[^\\])\*\*/);
  });

  it('escapes a leading heading or list marker', () => {
    expect(escapeMarkdown('# 标题')).toBe('\\# 标题');
    expect(escapeMarkdown('2. 项')).toBe('2\\. 项');
  });
});

describe('isSafeUrl', () => {
  it('accepts only http(s) URLs', () => {
    expect(isSafeUrl('https://example.feishu.cn/sheets/abc?sheet=1')).toBe(true);
    expect(isSafeUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeUrl('https://x.com/a) [y](javascript:1')).toBe(false);
  });
});
