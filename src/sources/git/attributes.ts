import { withinSize } from './catfile.js';
import type { Repository } from './repo.js';
import { runGit } from './run.js';

/**
 * Of the files git showed as binary, those that may be text after all: at
 * most `maxFileSize` long, on a path whose `diff` attribute is set (see
 * {@link diffAttributed}). Each other one goes to `skip` with its reason: over
 * the size limit (git calls those binary too), or binary (a NUL early on).
 */
export async function attributeMarked<T extends { id: string; path: string }>(
  repo: Repository,
  items: readonly T[],
  maxFileSize: number,
  skip: (reason: 'too-large' | 'binary') => void,
): Promise<T[]> {
  const small = await withinSize(repo, items, maxFileSize, () => skip('too-large'));
  const attributed = await diffAttributed(repo, [...new Set(small.map((item) => item.path))]);
  return small.filter((item) => {
    if (attributed.has(item.path)) return true;
    skip('binary');
    return false;
  });
}

/**
 * The paths whose `diff` attribute is set to something other than plain
 * text diffing (`-diff`, `binary`, a `diff=<driver>`): git shows those as
 * binary whatever they hold. Files git called binary without such an
 * attribute had a NUL in their first 8,000 bytes, so need no second look.
 */
async function diffAttributed(repo: Repository, paths: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (paths.length === 0) return out;
  const result = await runGit(['check-attr', '-z', '--stdin', 'diff'], { cwd: repo.cwd, env: repo.env, input: `${paths.join('\0')}\0` });
  const fields = result.stdout.toString('utf8').split('\0');
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const value = fields[i + 2];
    if (value !== 'unspecified' && value !== 'set') out.add(fields[i]!);
  }
  return out;
}
