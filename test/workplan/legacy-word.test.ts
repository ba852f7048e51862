/** Old .doc/.wps plans: converted by LibreOffice when it is there (a stand-in command here), else a message on saving as .docx. */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/workplan/import-plan.js';
import { PlanFileError, readPlanFile } from '../../src/workplan/read-plan-file.js';

const dir = mkdtempSync(join(tmpdir(), 'duban-doc-'));
// An old Word file starts with the OLE compound-file signature.
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

/** A stand-in for soffice: writes the prepared .docx into --outdir under the input's name, as LibreOffice does. */
async function fakeSoffice(exitCode = 0): Promise<string> {
  const converted = join(dir, `converted-${exitCode}.docx`);
  writeFileSync(converted, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('1. 开展走访慰问。（责任单位：区民政局）')] }] })));
  const script = join(dir, `soffice-${exitCode}`);
  writeFileSync(script, `#!/usr/bin/env node
const { copyFileSync } = require('node:fs');
const { basename, join } = require('node:path');
const args = process.argv.slice(2);
if (${exitCode} !== 0) { console.error('source file could not be loaded'); process.exit(${exitCode}); }
const out = args[args.indexOf('--outdir') + 1];
const input = args[args.length - 1];
copyFileSync(${JSON.stringify(converted)}, join(out, basename(input).replace(/\\.[^.]+$/, '.docx')));
`);
  chmodSync(script, 0o755);
  return script;
}

describe('.doc and .wps plans', () => {
  it('are converted with LibreOffice when it is installed', async () => {
    const soffice = await fakeSoffice();
    for (const name of ['方案.doc', '方案.wps']) {
      writeFileSync(join(dir, name), OLE);
      const plan = importPlan(await readPlanFile(join(dir, name), { convert: { commands: [soffice] } }));
      expect(plan.tasks.map((t) => [t.title, t.lead])).toEqual([['开展走访慰问', ['区民政局']]]);
    }
  });

  it('without LibreOffice, say how to save the file as .docx', async () => {
    writeFileSync(join(dir, '旧方案.doc'), OLE);
    const read = readPlanFile(join(dir, '旧方案.doc'), { convert: { commands: ['duban-test-no-such-soffice'] } });
    await expect(read).rejects.toBeInstanceOf(PlanFileError);
    await expect(readPlanFile(join(dir, '旧方案.doc'), { convert: { commands: ['duban-test-no-such-soffice'] } })).rejects.toThrow(
      '“旧方案.doc”是旧版 Word/WPS 文件，本机没有安装 LibreOffice（找不到 soffice 命令），无法自动转换：请在 Word 或 WPS 中打开它，点“文件 → 另存为”，文件类型选“Word 文档（*.docx）”，再导入新文件。',
    );
  });

  it('say so when LibreOffice cannot convert the file', async () => {
    const failing = await fakeSoffice(1);
    writeFileSync(join(dir, '坏方案.doc'), OLE);
    await expect(readPlanFile(join(dir, '坏方案.doc'), { convert: { commands: [failing] } })).rejects.toThrow(
      /^用 LibreOffice 转换“坏方案.doc”失败（source file could not be loaded）：请在 Word\/WPS 中打开它/,
    );
  });
});
