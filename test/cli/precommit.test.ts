import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

/**
 * The pre-commit framework installs node hooks from git (npm install, npm
 * pack, npm install -g) and runs the package's `bin`; these are the promises
 * that depends on. CLI tests run the same entry point in real repositories.
 */
describe('.pre-commit-hooks.yaml and the package entry point', () => {
  it('declares the staged and pre-push hooks as node hooks without file names', () => {
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(hooks.map((h) => [h.id, h.entry, h.language, h.pass_filenames, h.stages])).toEqual([
      ['keyhound', 'keyhound staged', 'node', false, ['pre-commit']],
      ['keyhound-push', 'keyhound git --pre-push', 'node', false, ['pre-push']],
    ]);
  });

  it('points bin at the committed bundle, which npm pack includes and which runs without a build step', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ keyhound: 'dist/cli/keyhound.js' });
    expect(pkg.files).toContain('dist/');
    // pre-commit runs `npm pack` (dev dependencies installed) and installs the file its stdout
    // names: the prepack build must stay off stdout (test/package/pack.slow.test.ts checks it).
    expect(pkg.scripts?.prepare).toBeUndefined();
    expect(readFileSync(path.join(ROOT, '.npmrc'), 'utf8').split('\n')).toContain('foreground-scripts=false');
    expect(readFileSync(path.join(ROOT, pkg.bin.keyhound), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    // dist/ is committed: the cli bundle must not be ignored.
    const ignored = readFileSync(path.join(ROOT, '.gitignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored).not.toContain('dist/');
    expect(ignored).not.toContain('dist/cli/');
  });
});
