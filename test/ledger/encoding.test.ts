import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, encodeText, type TextEncodingName } from '../../src/ledger/encoding.js';

const TEXT = '编号,任务,责任单位\r\n1,开展“八一”走访慰问,区退役军人事务局\r\n';

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf8' });
  });
  it('reads UTF-8 with BOM and drops the BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    expect(decodeText(buf)).toEqual({ text: TEXT, encoding: 'utf8-bom' });
  });
  it('reads GBK (Excel/WPS CSV on Chinese Windows)', () => {
    expect(decodeText(iconv.encode(TEXT, 'gbk'))).toEqual({ text: TEXT, encoding: 'gbk' });
  });
  it('reads UTF-16LE with BOM (Excel "Unicode text")', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(decodeText(buf)).toEqual({ text: TEXT, encoding: 'utf16le' });
  });
  it('reads plain ASCII as UTF-8', () => {
    expect(decodeText(Buffer.from('id,task\n1,x\n'))).toEqual({ text: 'id,task\n1,x\n', encoding: 'utf8' });
  });
});

describe('encodeText', () => {
  it.each<TextEncodingName>(['utf8', 'utf8-bom', 'gbk', 'utf16le'])('round-trips through %s', (encoding) => {
    expect(decodeText(encodeText(TEXT, encoding))).toEqual({ text: TEXT, encoding });
  });
  it('writes the BOM for utf8-bom', () => {
    expect([...encodeText('a', 'utf8-bom')]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
  });
});
