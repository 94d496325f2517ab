import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

const made: string[] = [];
const madeForFile: string[] = [];

/** A fresh temp folder, removed after the test. */
export function tempDir(prefix = 'keyhound-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fresh temp folder that outlives each test (for `beforeAll` set-ups), removed after the test file. */
export function fileTempDir(prefix = 'keyhound-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  madeForFile.push(dir);
  return dir;
}

/** Writes files (relative path → content) under `dir`, creating folders. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

afterAll(() => {
  for (const dir of madeForFile.splice(0)) rmSync(dir, { recursive: true, force: true });
});
