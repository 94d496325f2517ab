import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

interface Report {
  findings: { secret: string; line: number }[];
  suppressed: { line: number; filter: string; reason: string }[];
}

/**
 * 200,000 stop-words and 10,000 allow regexes in a real .keyhound.yaml. About
 * 150,000 stop-words used to crash every scan (Maximum call stack size
 * exceeded: each list item is one allowance, spread into a function call).
 */
describe('large allowlists (real CLI)', () => {
  it('loads 200,000 stop-words and 10,000 regexes, drops the candidates they cover and keeps the rest', () => {
    const dir = tempDir();
    const [a, b, c, d, e] = [githubToken(), githubToken(), githubToken(), githubToken(), githubToken()];
    const stopwords = Array.from({ length: 200_000 }, (_u, i) => `sw${i.toString(36)}${base62(6)}`);
    // Near the end of the list: a piece of a's secret, so a is allowed (case does not matter).
    const stopAt = 187_654;
    stopwords[stopAt] = a.slice(9, 21).toUpperCase();
    const regexes = Array.from({ length: 10_000 }, (_u, i) => {
      // Literals to index, classes without literals (tested in batches), a backreference (tested alone).
      if (i % 3 === 0) return `^fixture-${i}-[a-z]{0,8}$`;
      if (i % 3 === 1) return `^[0-9]{${12 + (i % 40)}}$`;
      return `^(q)\\1{${2 + (i % 7)}}${base62(4)}$`;
    });
    const exactAt = 7_777;
    regexes[exactAt] = `^${c}$`;
    // A regex without a literal that covers e: found through the batches.
    const classAt = 9_001;
    regexes[classAt] = `^ghp_${e.slice(4, 6)}[A-Za-z0-9]{34}$`;
    const yaml = [
      'allow:',
      '  stopwords:',
      ...stopwords.map((w) => `    - ${w}`),
      '  regexes:',
      ...regexes.map((r) => `    - '${r}'`),
    ].join('\n');
    writeTree(dir, {
      '.keyhound.yaml': `${yaml}\n`,
      'app.env': [`A=${a}`, `B=${b}`, `C=${c}`, `D=${d}`, `E=${e}`].join('\n'),
    });
    const run = runCli(['scan', 'app.env', '--config', '.keyhound.yaml', '--explain', '--format', 'json', '--no-redact'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.map((f) => f.secret)).toEqual([b, d]);
    expect(report.suppressed.map((s) => [s.line, s.filter, s.reason])).toEqual([
      [1, 'stopword', `stop-word "${stopwords[stopAt].toLowerCase()}" from .keyhound.yaml line ${3 + stopAt}`],
      [3, 'allow', `allow regex /^${c}$/ on secret from .keyhound.yaml line ${4 + stopwords.length + exactAt}`],
      [5, 'allow', `allow regex /${regexes[classAt]}/ on secret from .keyhound.yaml line ${4 + stopwords.length + classAt}`],
    ]);
  }, 180_000);
});
