/** Tolerant matching of column headers: users write "单位名称 ", "ＣＨＡＴ_ID", "联络员账号（open_id）". */

/** Header text reduced to what matters: NFKC (full width → half width), lower case, no spaces, no bracketed notes, no _-*:. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[\s_\-*:.]/g, '');
}

/** Index of the first header that matches one of `names` (compared through normalizeHeader), or -1. */
export function findColumn(headers: readonly string[], names: readonly string[]): number {
  const wanted = new Set(names.map(normalizeHeader));
  return headers.findIndex((header) => wanted.has(normalizeHeader(header)));
}
