/**
 * A font file that has Chinese glyphs, for drawing charts into documents: `report.chartFont` when set, else the
 * first of the usual places Debian/Ubuntu (fonts-noto-cjk, fonts-wqy), macOS and Windows keep one.
 */
import { existsSync } from 'node:fs';

export const CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/STHeiti Medium.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
] as const;

/** The font file to draw Chinese with, or null when none is found (documents then carry tables only). */
export function findCjkFont(configured?: string, candidates: readonly string[] = CJK_FONT_FILES): string | null {
  if (configured) return existsSync(configured) ? configured : null;
  return candidates.find((file) => existsSync(file)) ?? null;
}
