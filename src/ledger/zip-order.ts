/**
 * An XLSX archive's entries in the order exceljs's streaming reader needs them. The reader parses a worksheet at
 * once only when the workbook's relationships and shared strings came before it; otherwise it parks the sheet in a
 * temporary file and parses it at the end, and that path sometimes loses the entries behind it (exceljs 4.4: the
 * workbook's own part then never arrives and the read fails with "reading 'sheets'"). Excel, WPS and exceljs itself
 * all write the sheets first. Re-ordering the entries (slices of the same bytes; nothing is copied or decompressed)
 * keeps every sheet on the direct path.
 */

/** The parts the reader must have seen before any worksheet, in this order. */
const FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

interface Entry {
  name: string;
  offset: number;
}

/** The archive's bytes as slices, the parts in FIRST leading; the bytes unchanged when the archive is not one this can read safely. */
export function xlsxInReadingOrder(buf: Buffer): { chunks: Buffer[]; names: string[] } {
  const directory = centralDirectory(buf);
  if (!directory) return { chunks: [buf], names: [] };
  const entries = [...directory.entries].sort((a, b) => a.offset - b.offset);
  const spans = new Map<string, Buffer>();
  for (let i = 0; i < entries.length; i++) {
    const start = entries[i]!.offset;
    const end = i + 1 < entries.length ? entries[i + 1]!.offset : directory.start;
    if (end <= start || buf.readUInt32LE(start) !== LOCAL_ENTRY) return { chunks: [buf], names: [] };
    spans.set(entries[i]!.name, buf.subarray(start, end));
  }
  const first = FIRST.filter((name) => spans.has(name));
  const rest = entries.map((entry) => entry.name).filter((name) => !FIRST.includes(name));
  const names = [...first, ...rest];
  // The central directory stays at the end: it is where the streaming parser learns that the entries are over.
  return { chunks: [...names.map((name) => spans.get(name)!), buf.subarray(directory.start)], names };
}

/** The entries the central directory lists and where it starts; null for a ZIP64 archive, or anything inconsistent. */
function centralDirectory(buf: Buffer): { start: number; entries: Entry[] } | null {
  const end = endOfDirectory(buf);
  if (end < 0) return null;
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  const start = buf.readUInt32LE(end + 16);
  if (count === 0xffff || start === 0xffffffff || start + size > end) return null;
  const entries: Entry[] = [];
  const names = new Set<string>();
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const offset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (offset >= start || names.has(name)) return null;
    names.add(name);
    entries.push({ name, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries.length > 0 ? { start, entries } : null;
}

/** Where the end-of-central-directory record starts (it ends the file, after a comment of up to 65,535 bytes); -1 if none. */
function endOfDirectory(buf: Buffer): number {
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (buf.readUInt32LE(at) === END_OF_DIRECTORY && at + 22 + buf.readUInt16LE(at + 20) === buf.length) return at;
  }
  return -1;
}
