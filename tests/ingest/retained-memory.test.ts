import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { formats } from '../../src/ingest/formats/index.ts';
import { readEvidence } from '../../src/ingest/read-evidence.ts';
import type { Finding } from '../../src/model/evidence.ts';
import { tempFile } from '../support/files.ts';

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = () => (gc(), v8.getHeapStatistics().used_heap_size);

/** 2,000 findings whose every text has 13 characters or more, in 20 MB of text they do not keep. */
function writeScan(): string {
  const filler = 'x'.repeat(10_000);
  const rows = Array.from({ length: 2000 }, (_, i) =>
    `Vulnerability Scanner ${i % 3},plugin-${i % 50}-check,host-${i}.example.internal,443,tcp,high,Title of plugin ${i % 50} here,2026-01-0${1 + (i % 9)}T00:00:00Z,,open,CVE-2024-${10000 + i},Output of the check on host ${i}: ${'y'.repeat(600)},${filler}`);
  return tempFile('big.csv', `scanner,plugin_id,host,port,protocol,severity,title,first_seen,last_seen,status,cve,output,notes\n${rows.join('\n')}\n`);
}

describe('memory held after ingest', () => {
  it('is the findings, not the text they were read from', async () => {
    const file = writeScan();
    const before = heapUsed();
    const result = await readEvidence({ path: file, file: 'big.csv', timezone: 'UTC', effective: '2026-03-31' }, formats);
    const held = heapUsed() - before;
    expect(result.records).toHaveLength(2000);
    expect((result.records as Finding[])[1]).toMatchObject({ scanner: 'Vulnerability Scanner 1', outputChars: 'Output of the check on host 1: '.length + 600 });
    // About 1 KB a finding; one text of a finding that is a view of the text read holds a 32 KB piece of it.
    expect(held).toBeLessThan(2000 * 2_000);
  });
});
