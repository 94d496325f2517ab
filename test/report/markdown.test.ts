import { describe, expect, it } from 'vitest';
import { blobLink, code, COMMENT_MARKER, commentMarkdown, findingsTable, summaryMarkdown, text } from '../../src/report/github/markdown.js';
import type { ReportedFinding } from '../../src/report/reported.js';

function finding(overrides: Partial<ReportedFinding> = {}): ReportedFinding {
  return {
    ruleId: 'acme-token',
    title: 'Acme token',
    provider: 'Acme',
    severity: 'high',
    confidence: 'high',
    path: 'src/a.js',
    line: 3,
    column: 7,
    endLine: 3,
    endColumn: 40,
    secret: 'acme_ab************',
    snippet: 'x',
    fingerprint: 'f',
    entropy: 4,
    remediation: 'Revoke it at https://acme.example/tokens.',
    references: [],
    ...overrides,
  };
}

describe('markdown escaping', () => {
  it('keeps file names and messages from breaking tables or injecting HTML', () => {
    expect(text('a|b <img src=x> *c*\nd')).toBe('a\\|b &lt;img src=x&gt; \\*c\\* d');
    expect(text('# not a heading')).toBe('\\# not a heading');
    expect(code('ab****')).toBe('`ab****`');
    expect(code('a`b|c')).toBe('``a`b\\|c``');
  });

  it('links to the line at the commit, encoding characters that would end the link', () => {
    const link = blobLink('https://github.com/', 'acme/app', 'h'.repeat(40));
    expect(link(finding({ path: 'dir/a (1).js' }))).toBe(`https://github.com/acme/app/blob/${'h'.repeat(40)}/dir/a%20%281%29.js#L3`);
    expect(link(finding({ commit: 'c'.repeat(40) }))).toContain(`/blob/${'c'.repeat(40)}/`);
  });
});

describe('tables, summary and comment', () => {
  it('adds a commit column only when findings have commits, and counts rows past the limit', () => {
    expect(findingsTable([finding()], { limit: 5 }).split('\n')[0]).toBe('| Severity | Secret | Location | Rule |');
    const table = findingsTable([finding({ commit: 'abcdef0123456789', author: 'Dev' }), finding(), finding()], {
      limit: 2,
      rest: 'the job summary',
    });
    expect(table.split('\n')[0]).toBe('| Severity | Secret | Location | Commit | Rule |');
    expect(table).toContain('| high | Acme token `acme_ab************` | src/a.js:3 | `abcdef012345` by Dev | `acme-token` |');
    expect(table).toContain('…and 1 more: see the job summary.');
  });

  it('summarises what was scanned, the findings and how to fix them', () => {
    const md = summaryMarkdown([finding()], {
      scope: 'Scanned pull request #1.',
      stats: { files: 2, bytes: 10, skipped: { binary: 1 }, durationMs: 1500 },
      notes: ['Comment skipped: fork.'],
    });
    expect(md).toContain('## keyhound: 1 secret found');
    expect(md).toContain('Scanned pull request #1. Scanned 2 files (10 bytes) in 1.50 s; skipped 1 binary.');
    expect(md).toContain('> Comment skipped: fork.');
    expect(md).toContain('- `acme-token`: Revoke it at https://acme.example/tokens.');
  });

  it('starts the comment with the marker, and says when nothing is left', () => {
    const body = commentMarkdown([finding()], { headSha: 'a'.repeat(40), version: '1.0.0' });
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toContain('1 secret in this pull request');
    const clean = commentMarkdown([], { headSha: 'b'.repeat(40), version: '1.0.0' });
    expect(clean.startsWith(COMMENT_MARKER)).toBe(true);
    expect(clean).toContain('no secrets found');
    expect(clean).toContain('`bbbbbbbbbbbb`');
  });

  it("stays under GitHub's 65,536-character comment limit with many findings", () => {
    const many = Array.from({ length: 5000 }, (_, i) => finding({ path: `${'deep/'.repeat(40)}f${i}.js` }));
    const body = commentMarkdown(many, {
      headSha: 'a'.repeat(40),
      version: '1',
      link: blobLink('https://github.com', 'acme/app', 'a'.repeat(40)),
    });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/…and \d+ more: see the job summary\./);
  });
});
