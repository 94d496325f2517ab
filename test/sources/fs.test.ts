import { symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SKIP_DIRECTORIES, DEFAULT_SKIP_PATHS } from '../../src/config/defaults.js';
import { decodeBytes } from '../../src/sources/decode.js';
import { walk, type WalkItem } from '../../src/sources/fs.js';
import { Engine } from '../../src/detect/engine.js';
import { runTask } from '../../src/scan/task.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

async function list(dir: string, overrides: Partial<Parameters<typeof walk>[1]> = {}): Promise<WalkItem[]> {
  return (await listTelling(dir, overrides)).items;
}

/** {@link list}, with what onListed was told, in order, and how many items had come before it last spoke. */
async function listTelling(
  dir: string,
  overrides: Partial<Parameters<typeof walk>[1]> = {},
): Promise<{ items: WalkItem[]; told: [number, number][]; yieldedBefore: number }> {
  const items: WalkItem[] = [];
  const told: [number, number][] = [];
  let yieldedBefore = -1;
  for await (const item of walk([dir], {
    root: dir,
    maxFileSize: 1000,
    skipDirectories: DEFAULT_SKIP_DIRECTORIES,
    skipPaths: DEFAULT_SKIP_PATHS,
    onListed: (count, bytes) => {
      told.push([count, bytes]);
      yieldedBefore = items.length;
    },
    ...overrides,
  }))
    items.push(item);
  return { items, told, yieldedBefore };
}
const files = (items: WalkItem[]) => items.flatMap((i) => (i.kind === 'file' ? [i.entry.path] : [])).sort();
const skips = (items: WalkItem[]) => Object.fromEntries(items.flatMap((i) => (i.kind === 'skip' ? [[i.path, i.reason]] : [])));

describe('filesystem source', () => {
  it('lists files with POSIX paths relative to the root, skipping and counting what it must', async () => {
    const dir = tempDir();
    writeTree(dir, {
      'src/app.js': 'ok',
      'dir with space/é.txt': 'ok',
      '.gitignore': 'build/\n*.secret\n',
      'build/out.js': 'ignored',
      'keys.secret': 'ignored',
      'sub/.gitignore': 'local.txt\n',
      'sub/local.txt': 'ignored by nested gitignore',
      'local.txt': 'not ignored at the root',
      'node_modules/pkg/index.js': 'never entered',
      'package-lock.json': '{}',
      'big.txt': 'x'.repeat(2000),
      'image.png': 'png',
    });
    symlinkSync(path.join(dir, 'missing'), path.join(dir, 'dangling'));
    symlinkSync('/etc/hostname', path.join(dir, 'outside'));
    symlinkSync(path.join(dir, 'src', 'app.js'), path.join(dir, 'inside-link'));
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);

    const items = await list(dir);
    expect(files(items)).toEqual(['.gitignore', 'dir with space/é.txt', 'local.txt', 'src/app.js', 'sub/.gitignore']);
    expect(skips(items)).toEqual({
      'build/out.js': 'gitignored',
      'keys.secret': 'gitignored',
      'sub/local.txt': 'gitignored',
      'package-lock.json': 'excluded-path',
      'image.png': 'excluded-path',
      'big.txt': 'too-large',
      dangling: 'broken-symlink',
      outside: 'symlink-outside-root',
      'inside-link': 'symlink',
      pipe: 'not-regular-file',
    });
  });

  it('tells, before the first file, how many files a folder holds and how many bytes of them it will read', async () => {
    const dir = tempDir();
    writeTree(dir, {
      'a.txt': 'x'.repeat(300),
      'src/b.js': 'y'.repeat(500),
      '.gitignore': 'ignored/\n',
      'ignored/c.txt': 'z'.repeat(700),
      'package-lock.json': '{}'.repeat(100),
      'big.txt': 'w'.repeat(2000),
      'node_modules/pkg/index.js': 'never entered',
    });
    const { items, told, yieldedBefore } = await listTelling(dir);
    expect(yieldedBefore).toBe(0);
    // Every file counts (folders do not); only a.txt, src/b.js and .gitignore are read: 300 + 500 + 9 bytes.
    expect(told).toEqual([[6, 809]]);
    expect(files(items)).toEqual(['.gitignore', 'a.txt', 'src/b.js']);
  });

  it('shows files relative to the root even when the folder walked holds the root, and the rest whole', async () => {
    const dir = tempDir();
    writeTree(dir, { 'top.txt': 'a', 'root/inside.txt': 'b', 'root/deeper/more.txt': 'c', 'other/x.txt': 'd' });
    const items = await list(dir, { root: path.join(dir, 'root') });
    const posix = (p: string): string => p.split(path.sep).join('/');
    expect(files(items)).toEqual(
      ['deeper/more.txt', 'inside.txt', posix(path.join(dir, 'other/x.txt')), posix(path.join(dir, 'top.txt'))].sort(),
    );
    const under = await list(path.join(dir, 'root'), { root: dir });
    expect(files(under)).toEqual(['root/deeper/more.txt', 'root/inside.txt']);
  });

  it('tells a big folder in parts that add up, all before the first file', async () => {
    const dir = tempDir();
    const tree: Record<string, string> = {};
    for (let i = 0; i < 1100; i++) tree[`f${i}.txt`] = 'x'.repeat(i % 7);
    writeTree(dir, tree);
    const { items, told, yieldedBefore } = await listTelling(dir);
    expect(yieldedBefore).toBe(0);
    expect(told.length).toBeGreaterThan(1);
    const sum = (n: number): number => told.reduce((total, part) => total + part[n]!, 0);
    expect([sum(0), sum(1)]).toEqual([1100, Object.values(tree).join('').length]);
    expect(files(items)).toHaveLength(1100);
  });

  it('scans ignored files with gitignore off, and follows inside symlinks when asked', async () => {
    const dir = tempDir();
    writeTree(dir, { '.gitignore': '*.env\n', 'a.env': 'x', 'real.txt': 'y' });
    symlinkSync(path.join(dir, 'real.txt'), path.join(dir, 'link.txt'));
    const items = await list(dir, { gitignore: false, followSymlinks: true });
    expect(files(items)).toEqual(['.gitignore', 'a.env', 'link.txt', 'real.txt']);
  });

  it('reports a symlink loop', async () => {
    const dir = tempDir();
    symlinkSync(path.join(dir, 'b'), path.join(dir, 'a'));
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'));
    expect(skips(await list(dir))).toEqual({ a: 'symlink-loop', b: 'symlink-loop' });
  });

  it('reads text, scans binary as its printable runs, and counts a file that vanished between listing and reading as unreadable', async () => {
    const dir = tempDir();
    writeTree(dir, { 'a.txt': 'hello', 'b.blob': Buffer.from([1, 2, 0, 3]) });
    const items = await list(dir);
    const entries = items.flatMap((i) => (i.kind === 'file' ? [i.entry] : []));
    const engine = new Engine([]);
    const results = await Promise.all(entries.map((entry) => runTask(engine, { kind: 'file', entry })));
    expect(results.map((r) => (r.kind === 'scanned' ? [r.bytes, r.encoding] : r.reason))).toEqual([
      [5, 'utf8'],
      [4, 'binary'],
    ]);
    unlinkSync(path.join(dir, 'a.txt'));
    expect(await runTask(engine, { kind: 'file', entry: entries[0]! })).toMatchObject({ kind: 'skipped', reason: 'unreadable' });
  });
});

describe('decodeBytes', () => {
  it('decodes UTF-16 with a byte-order mark, both byte orders', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('key=abc', 'utf16le')]);
    expect(decodeBytes(le)).toEqual({ ok: true, text: 'key=abc', encoding: 'utf16le' });
    const be = Buffer.from(Buffer.from('key=abc', 'utf16le'));
    be.swap16();
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ ok: true, text: 'key=abc' });
  });

  it('reads invalid UTF-8 as Latin-1 so ASCII keys keep their offsets', () => {
    const bytes = Buffer.concat([Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' token=abc')]);
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding: 'latin1' });
    expect(decoded.ok && decoded.text.indexOf('token')).toBe(4);
  });

  it('treats NUL bytes as binary and strips a UTF-8 byte-order mark', () => {
    expect(decodeBytes(Buffer.alloc(100))).toMatchObject({ ok: false, reason: 'binary', strings: { text: '' } });
    expect(decodeBytes(Buffer.from('\ufeffabc'))).toMatchObject({ text: 'abc' });
  });
});
