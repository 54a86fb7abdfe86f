import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncFile, syncFolder, type SyncOptions } from '../../src/build/materialize.ts';

let root: string;
let entry: string;
let target: string;
let records: string;
const files = ['index.html', path.join('controls', 'pci-1.1.html')];

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'proofbook-sync-'));
  entry = path.join(root, 'entry');
  target = path.join(root, 'out');
  records = path.join(root, 'records');
  mkdirSync(path.join(entry, 'controls'), { recursive: true });
  writeFileSync(path.join(entry, files[0]!), '<p>index</p>');
  writeFileSync(path.join(entry, files[1]!), '<p>1.1</p>');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Synced an hour ago: the target's files are older than their record by more than the racy window. */
async function syncedEarlier(options: SyncOptions = {}): Promise<void> {
  await syncFolder(entry, target, { records, ...options });
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const file of files) utimesSync(path.join(target, file), hourAgo, hourAgo);
  await syncFolder(entry, target, { records, ...options });
}

describe('syncFolder with quick-check records', () => {
  it('writes a new target, then rewrites nothing while its bytes are the same', async () => {
    expect(await syncFolder(entry, target, { records })).toEqual({ written: 2, unchanged: 0, removed: 0 });
    const before = files.map((file) => statSync(path.join(target, file)).mtimeMs);
    expect(await syncFolder(entry, target, { records })).toEqual({ written: 0, unchanged: 2, removed: 0 });
    expect(files.map((file) => statSync(path.join(target, file)).mtimeMs)).toEqual(before);
  });

  it('does not read the entry again while the target matches its record', async () => {
    await syncedEarlier();
    // Entries never change once written; gone, they would fail any read, so none happened.
    rmSync(entry, { recursive: true });
    expect(await syncFolder(entry, target, { records })).toEqual({ written: 0, unchanged: 2, removed: 0 });
  });

  it('compares bytes for a file written just before its record, where the mtime may not move on an edit', async () => {
    await syncFolder(entry, target, { records });
    writeFileSync(path.join(target, files[0]!), '<p>INDEX</p>');
    expect(await syncFolder(entry, target, { records })).toEqual({ written: 1, unchanged: 1, removed: 0 });
    expect(readFileSync(path.join(target, files[0]!), 'utf8')).toBe('<p>index</p>');
  });

  it('trusts a file half a second older than its record where mtimes have milliseconds', async () => {
    await syncFolder(entry, target, { records });
    const at = Date.now() - 500;
    for (const file of files) utimesSync(path.join(target, file), new Date(), (at % 1000 === 0 ? at + 1 : at) / 1000);
    await syncFolder(entry, target, { records });
    rmSync(entry, { recursive: true });
    expect(await syncFolder(entry, target, { records })).toEqual({ written: 0, unchanged: 2, removed: 0 });
  });

  it('compares a file under two seconds older than its record where mtimes are whole seconds', async () => {
    await syncFolder(entry, target, { records });
    const at = Math.floor((Date.now() - 500) / 1000);
    for (const file of files) utimesSync(path.join(target, file), new Date(), at);
    await syncFolder(entry, target, { records });
    rmSync(entry, { recursive: true });
    // Compared: the entry is read, and it is gone.
    await expect(syncFolder(entry, target, { records })).rejects.toThrow(/ENOENT/);
  });

  it('notices a target file edited since its record, and puts the entry back', async () => {
    await syncedEarlier();
    writeFileSync(path.join(target, files[0]!), '<p>INDEX</p>');
    expect(await syncFolder(entry, target, { records })).toEqual({ written: 1, unchanged: 1, removed: 0 });
    expect(readFileSync(path.join(target, files[0]!), 'utf8')).toBe('<p>index</p>');
  });

  it('reads only the files that no longer match their record', async () => {
    await syncedEarlier();
    writeFileSync(path.join(target, files[0]!), '<p>INDEX</p>');
    // Were the matching file read, its missing entry would fail the sync.
    rmSync(path.join(entry, files[1]!));
    expect(await syncFolder(entry, target, { records })).toEqual({ written: 1, unchanged: 1, removed: 0 });
    expect(readFileSync(path.join(target, files[0]!), 'utf8')).toBe('<p>index</p>');
  });

  it('restores a deleted file and removes a stray one, but keeps what `keep` claims', async () => {
    const keep = (name: string) => name.startsWith('2026-Q3');
    await syncedEarlier({ keep });
    unlinkSync(path.join(target, files[1]!));
    writeFileSync(path.join(target, 'stray.html'), 'x');
    mkdirSync(path.join(target, '2026-Q3'));
    writeFileSync(path.join(target, '2026-Q3', 'index.html'), 'kept');
    expect(await syncFolder(entry, target, { records, keep })).toEqual({ written: 1, unchanged: 1, removed: 1 });
    expect(existsSync(path.join(target, 'stray.html'))).toBe(false);
    expect(readFileSync(path.join(target, '2026-Q3', 'index.html'), 'utf8')).toBe('kept');
  });

  it('compares the bytes again when the target was last synced from another entry', async () => {
    await syncedEarlier();
    const other = path.join(root, 'other');
    mkdirSync(path.join(other, 'controls'), { recursive: true });
    writeFileSync(path.join(other, files[0]!), '<p>index</p>');
    writeFileSync(path.join(other, files[1]!), '<p>1.1 changed</p>');
    expect(await syncFolder(other, target, { records })).toEqual({ written: 1, unchanged: 1, removed: 0 });
  });

  it('falls back to comparing bytes when a record is damaged', async () => {
    await syncedEarlier();
    for (const name of readdirSync(records)) writeFileSync(path.join(records, name), '{');
    rmSync(entry, { recursive: true });
    await expect(syncFolder(entry, target, { records })).resolves.toEqual({ written: 0, unchanged: 0, removed: 2 });
  });
});

describe('syncFile with quick-check records', () => {
  it('copies once, skips while the target matches, and copies again after an edit', async () => {
    const source = path.join(entry, files[0]!);
    const file = path.join(target, 'packet.pdf');
    expect(await syncFile(source, file, { records })).toBe(true);
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(file, hourAgo, hourAgo);
    expect(await syncFile(source, file, { records })).toBe(false);
    rmSync(entry, { recursive: true });
    expect(await syncFile(source, file, { records })).toBe(false);
    writeFileSync(file, 'tampered!!!!');
    await expect(syncFile(source, file, { records })).rejects.toThrow(/ENOENT/);
  });
});
