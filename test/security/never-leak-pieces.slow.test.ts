import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commit, GIT_ENV, initRepo } from '../helpers/git.js';
import { pieceLeaks } from '../helpers/pieces.js';
import { fake } from '../helpers/providers.js';
import { seededRandom } from '../helpers/seeded.js';
import { tempDir } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

/**
 * The never-leak property (issue 16): random layouts of planted secrets
 * (repeated on a line, at line ends, straddling the 160-character cut of a
 * snippet, in commit messages and author names, in a malformed config, under
 * --explain) are scanned by `keyhound git` and `keyhound scan` in a random
 * format, and no output holds any piece of 8 or more characters of any
 * planted secret. The layout seed is in every failure message, so a failing
 * layout can be replayed.
 */
const LAYOUTS = 24;
const FORMATS = ['text', 'json', 'jsonl', 'sarif', 'github'] as const;
const FILLER = 'abcdefghij klmnopqrst ,;:=-_';

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Secrets keyhound reports wherever they stand, so a line may hold them in any layout. */
function detectable(random: Random): string {
  return pick(random, [githubToken, () => githubToken('gho_'), fake.awsKeyId, fake.slackBot, fake.stripeLive])();
}

function filler(random: Random, length: number): string {
  let out = '';
  while (out.length < length) out += FILLER.charAt(Math.floor(random() * FILLER.length));
  return out;
}

interface Layout {
  files: Record<string, string>;
  message: string;
  author: string;
  secrets: Record<string, string>;
}

/** One random layout; every value it plants is in `secrets`. */
function layout(random: Random): Layout {
  const secrets: Record<string, string> = {};
  const plant = (label: string, value: string): string => {
    secrets[label] = value;
    return value;
  };
  const lines: string[] = [];
  for (let i = 0; i < 6; i++) {
    const secret = plant(`line ${i}`, detectable(random));
    const shape = Math.floor(random() * 4);
    if (shape === 0) lines.push(`KEY_${i}=${secret}`);
    // Repeated, the second bare copy placed so it may straddle the cut.
    else if (shape === 1) {
      const head = `KEY_${i}=${secret} # `;
      lines.push(`${head}${filler(random, 120 + Math.floor(random() * 60) - head.length)}${secret}${filler(random, 40)}`);
    }
    // At the end of a long line.
    else if (shape === 2) lines.push(`${filler(random, 150 + Math.floor(random() * 40))} token=${secret}`);
    // Three times, close together.
    else lines.push(`a=${secret} b=${secret} c="${secret}"`);
  }
  const inMessage = plant('message', fake.awsSecret());
  const repeated = secrets['line 0']!;
  const inAuthor = plant('author', `${base62(6)}7${base62(20)}`);
  return {
    files: { 'config/app.env': `${lines.join('\n')}\n` },
    message: `update\n\nold key ${inMessage}, was ${repeated}`,
    author: `Dev ${inAuthor}`,
    secrets,
  };
}

describe('never leak: no piece of a planted secret in any output (random layouts)', () => {
  it(`holds for ${LAYOUTS} layouts in keyhound git and keyhound scan, any format, with and without --explain`, () => {
    for (let seed = 1; seed <= LAYOUTS; seed++) {
      const random = seededRandom(seed * 7919);
      const { files, message, author, secrets } = layout(random);
      const repo = initRepo();
      commit(repo, files, message, { author });
      const format = pick(random, FORMATS);
      const explain = random() < 0.5 ? ['--explain'] : [];
      for (const command of ['git', 'scan']) {
        const run = runCli([command, repo, '--format', format, ...explain], { env: GIT_ENV });
        expect(run.code, `seed ${seed}: ${command} ${format} ${explain.join('')}\n${run.stderr}`).toBe(1);
        expect(pieceLeaks(run.stdout + run.stderr, secrets), `seed ${seed}: ${command} --format ${format} ${explain.join('')}`).toEqual([]);
      }
      // The same secrets quoted in a malformed configuration.
      const config = path.join(tempDir(), 'broken.yaml');
      writeFileSync(config, `allow:\n  regexes:\n    - '(${secrets['line 1']}'\n  stopwords: [${secrets['line 2']}\n`);
      const broken = runCli(['scan', repo, '--format', format, '--config', config]);
      expect(broken.code, `seed ${seed}: malformed config`).toBe(2);
      expect(pieceLeaks(broken.stdout + broken.stderr, secrets), `seed ${seed}: malformed config`).toEqual([]);
    }
  });

  it('the check can fail: with --no-redact the planted secrets show', () => {
    const { files, message, author, secrets } = layout(seededRandom(1));
    const repo = initRepo();
    commit(repo, files, message, { author });
    const run = runCli(['git', repo, '--format', 'json', '--no-redact'], { env: GIT_ENV });
    expect(pieceLeaks(run.stdout, secrets).length).toBeGreaterThanOrEqual(Object.keys(secrets).length - 2);
  });
});
