import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLocalWorkbook } from '../../src/ledger/read-local.js';
import { parseLedger } from '../../src/ledger/parse-ledger.js';
import { snapshotLedger } from '../../src/reports/changes.js';
import { openStore } from '../../src/store/open-store.js';
import { runDuban } from '../support/run-cli.js';

const example = fileURLToPath(new URL('../../sheets-templates/example/', import.meta.url));

describe('duban digest with the service state present', () => {
  it('shows what changed since the last digest snapshot, without saving a new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-changes-'));
    copyFileSync(join(example, 'tasks.csv'), join(dir, 'tasks.csv'));
    copyFileSync(join(example, 'units.csv'), join(dir, 'units.csv'));
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config', 'duban.yaml'), 'sheet: ../tasks.csv\nunits: ../units.csv\ndataDir: ../state\n');

    // The snapshot the service took after Friday's digest.
    const { ledger: table, units } = await readLocalWorkbook(join(dir, 'tasks.csv'));
    const store = await openStore(join(dir, 'state'));
    await store.saveSnapshot(snapshotLedger(parseLedger(table, units, { today: '2022-06-24' }), '2022-06-24'));
    await store.close();

    // Over the weekend task 6 was finished.
    const csv = readFileSync(join(dir, 'tasks.csv'), 'utf8').split('\n');
    const row = csv.findIndex((line) => line.startsWith('6,'));
    csv[row] = csv[row].replace(',进行中,85%,', ',已完成,100%,');
    writeFileSync(join(dir, 'tasks.csv'), csv.join('\n'));

    const run = await runDuban(['digest', '--today', '2022-06-27'], { cwd: dir, env: { DUBAN_DATA_DIR: join(dir, 'state') } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('新完成');
    expect(run.stdout).toMatch(/#6[^\n]*新完成/);

    const after = await openStore(join(dir, 'state'));
    expect((await after.snapshots()).map((s) => s.date)).toEqual(['2022-06-24']);
    await after.close();
  });
});
