import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOW_PATHS } from '../../src/config/defaults.js';
import { anyGlobMatcher, globMatcher } from '../../src/detect/filters/allowance.js';

const USER_GLOBS = [
  'test/**',
  '**/fixtures/**',
  '*.md',
  'docs/*.txt',
  '/build/out-*.json',
  '**/*.{pem,key}',
  'src/**/*.snap',
  '**/Dockerfile',
];

/** Paths built from pieces that make the globs above match and almost match. */
function randomPath(): string {
  const folders = [
    'src',
    'test',
    'docs',
    'node_modules',
    '.yarn',
    'releases',
    'fixtures',
    'build',
    'A',
    'Vendor',
    'ünï',
    'K\u212Aey',
    'x.min',
  ];
  const names = [
    'package-lock.json',
    'PACKAGE-LOCK.JSON',
    'yarn.lock',
    'app.min.js',
    'app-min.js',
    'app.js.map',
    'logo.PNG',
    'photo.jpeg',
    'a.zip',
    'notes.md',
    'out-1.json',
    'server.pem',
    'id.KEY',
    'x.snap',
    'Dockerfile',
    '.pnp.cjs',
    'main.c',
    'README',
    'mínimo.txt',
    'k\u212Aey.pem',
    'weird\nname.png',
    'id.\u212Aey',
  ];
  const depth = Math.floor(Math.random() * 4);
  const parts = Array.from({ length: depth }, () => folders[Math.floor(Math.random() * folders.length)]!);
  return [...parts, names[Math.floor(Math.random() * names.length)]!].join('/');
}

describe('the quick glob test', () => {
  it('covers the default path list and common user globs', () => {
    expect(anyGlobMatcher(DEFAULT_ALLOW_PATHS)).toBeDefined();
    expect(anyGlobMatcher(USER_GLOBS)).toBeDefined();
  });

  it('never rules out a path that one of the globs matches, and rules out most that none does', () => {
    for (const globs of [DEFAULT_ALLOW_PATHS, USER_GLOBS]) {
      const quick = anyGlobMatcher(globs)!;
      const each = globs.map(globMatcher);
      let ruledOut = 0;
      let unmatched = 0;
      for (let i = 0; i < 5000; i++) {
        const path = randomPath();
        const matched = each.some((test) => test(path));
        if (matched) expect(quick(path), path).toBe(true);
        else unmatched++;
        if (!quick(path)) ruledOut++;
      }
      expect(unmatched).toBeGreaterThan(0);
      // The test is worth having: it answers no without the globs for a good share of the paths they miss.
      expect(ruledOut / unmatched).toBeGreaterThan(0.2);
    }
  });

  it('declines globs it cannot reason about, so they are matched one by one', () => {
    for (const glob of ['@(a|b).txt', '!secret.txt', '[abc].env', '*', '?', '**/*.{a,b}/{c,d}', '{a..c}.txt', 'x{y}z', 'a\\*b']) {
      expect(anyGlobMatcher(['**/*.md', glob]), glob).toBeUndefined();
    }
  });
});
