import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, lstatSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';

/**
 * Copies this checkout as a clone of it would look with the uncommitted
 * changes in it: every file git tracks or would add (ignored ones, such as
 * node_modules/ and dist/lib/, stay out). Tests that pack or install keyhound
 * work on the copy, so they never rebuild dist/ under the other tests' feet.
 */
export function copyWorkingTree(dest: string): void {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const name of new Set(listed.split('\0').filter(Boolean))) {
    const from = path.join(ROOT, name);
    // A tracked file deleted in the working tree is not part of the copy.
    const stat = lstatSync(from, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const to = path.join(dest, name);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
    chmodSync(to, stat.mode & 0o777);
  }
}
