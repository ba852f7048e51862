import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, encodeText, type TextEncodingName } from '../../src/ledger/encoding.js';

const TEXT = '编号,任务,责任单位\r\n1,开展“八一”走访慰问,区退役军人事务局\r\n';

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf8', gbkLines: [] });
  });
  it('reads UTF-8 with BOM and drops the BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    expect(decodeText(buf)).toEqual({ text: TEXT, encoding: 'utf8-bom', gbkLines: [] });
  });
  it('reads GBK (Excel/WPS CSV on Chinese Windows)', () => {
    expect(decodeText(iconv.encode(TEXT, 'gbk'))).toEqual({ text: TEXT, encoding: 'gbk', gbkLines: [] });
  });
  it('reads UTF-16LE with BOM (Excel "Unicode text")', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(decodeText(buf)).toEqual({ text: TEXT, encoding: 'utf16le', gbkLines: [] });
  });
  it('reads a GBK line pasted into a UTF-8 file as GBK and names it, instead of reading the whole file as GBK', () => {
    const lines = ['编号,任务,责任单位', '1,走访慰问,区民政局', '2,双拥公园维护,区住房城乡建委', '3,八一座谈会,区退役军人事务局'];
    const buf = Buffer.concat([Buffer.from(`${lines[0]}\r\n${lines[1]}\r\n`, 'utf8'), iconv.encode(`${lines[2]}\r\n`, 'gbk'), Buffer.from(`${lines[3]}\r\n`, 'utf8')]);
    expect(decodeText(buf)).toEqual({ text: `${lines.join('\r\n')}\r\n`, encoding: 'utf8', gbkLines: [3] });
  });
  it('reads plain ASCII as UTF-8', () => {
    expect(decodeText(Buffer.from('id,task\n1,x\n'))).toEqual({ text: 'id,task\n1,x\n', encoding: 'utf8', gbkLines: [] });
  });
});

describe('encodeText', () => {
  it.each<TextEncodingName>(['utf8', 'utf8-bom', 'gbk', 'utf16le'])('round-trips through %s', (encoding) => {
    expect(decodeText(encodeText(TEXT, encoding))).toEqual({ text: TEXT, encoding, gbkLines: [] });
  });
  it('writes the BOM for utf8-bom', () => {
    expect([...encodeText('a', 'utf8-bom')]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
  });
});
