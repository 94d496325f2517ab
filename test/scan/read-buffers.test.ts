import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/detect/engine.js';
import { tokenizerLoaded } from '../../src/detect/tokenizer.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { ReadBuffers } from '../../src/scan/read-buffers.js';
import { runTask } from '../../src/scan/task.js';
import type { Task } from '../../src/sources/source.js';
import { tempDir } from '../helpers/tmp.js';
import { base62 } from '../helpers/tokens.js';

describe('read buffers', () => {
  it('lends a buffer given back to the next reader that fits in it, and a new one while it is out', () => {
    const buffers = new ReadBuffers();
    const first = buffers.take(100);
    expect(first.length).toBeGreaterThanOrEqual(100);
    const second = buffers.take(100);
    expect(second).not.toBe(first);
    buffers.give(first);
    expect(buffers.take(50)).toBe(first);
  });

  it('lends the smallest buffer that fits and keeps the larger ones when it has too many', () => {
    const buffers = new ReadBuffers();
    const sizes = [1 << 16, 1 << 18, 1 << 20];
    const lent = sizes.map((size) => buffers.take(size));
    for (const buffer of lent) buffers.give(buffer);
    // Three given back, two kept: the 64 KiB one went, so a small file gets the 256 KiB one.
    expect(buffers.take(10)).toBe(lent[1]);
    expect(buffers.take(10)).toBe(lent[2]);
    expect(buffers.take(10)).not.toBe(lent[0]);
  });
});

describe('a file whose scan waits for the BPE vocabulary', () => {
  const fileTask = (dir: string, name: string, text: string): Task => {
    const absolutePath = path.join(dir, name);
    writeFileSync(absolutePath, text);
    return { kind: 'file', entry: { path: name, absolutePath, size: Buffer.byteLength(text) } };
  };

  it('keeps its findings while the next file is read into the buffer it was read into', async () => {
    const dir = tempDir();
    const [first, later] = [base62(24), base62(24)];
    const leaking = `db:\n  password = "${first}"\n`;
    const secretsOf = (outcome: Awaited<ReturnType<typeof runTask>>): string[] =>
      outcome.kind === 'scanned' ? outcome.result.findings.map((finding) => finding.secret) : [];
    // A scan of this file reaches the generic rules' BPE check, and this test file has not loaded the vocabulary.
    expect(tokenizerLoaded()).toBe(false);
    const engine = new Engine(builtinRules());
    const waiting = runTask(engine, fileTask(dir, 'settings.yaml', leaking));
    // Read on this thread while the first scan waits: into the buffer the first file was read into.
    const filler = runTask(engine, fileTask(dir, 'filler.txt', 'x'.repeat(leaking.length)));
    // Another that comes while the vocabulary loads waits for it, and is scanned whole.
    const another = runTask(engine, fileTask(dir, 'config.yaml', `# app\nsmtp:\n  host: mail\n  password: "${later}"\n`));
    expect(secretsOf(await filler)).toEqual([]);
    expect(secretsOf(await waiting)).toEqual([first]);
    expect(secretsOf(await another)).toEqual([later]);
    expect(tokenizerLoaded()).toBe(true);
  });
});
