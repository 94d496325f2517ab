import { describe, expect, it } from 'vitest';
import { annotation, annotationLines, escapeData, escapeProperty, workflowCommand } from '../../src/report/github/annotations.js';
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
    remediation: 'Revoke it.',
    references: [],
    ...overrides,
  };
}

describe('workflow commands', () => {
  it('escapes message data and property values as the runner decodes them', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(workflowCommand('warning', { title: 'x:y', file: undefined }, 'm')).toBe('::warning title=x%3Ay::m');
  });

  it('cannot be broken out of by a hostile path: one line, one command', () => {
    const line = annotation(finding({ path: 'evil,line=1\n::add-mask::x.js' }));
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('file=evil%2Cline=1%0A%3A%3Aadd-mask%3A%3Ax.js,line=3,');
  });

  it('gives line, columns and title, and drops endColumn on multi-line findings', () => {
    expect(annotation(finding())).toBe(
      '::error file=src/a.js,line=3,endLine=3,col=7,endColumn=40,title=keyhound%3A high acme-token::Acme token: acme_ab************. Revoke it.',
    );
    expect(annotation(finding({ endLine: 4, commit: '0123456789abcdef' }))).toBe(
      '::error file=src/a.js,line=3,endLine=4,col=7,title=keyhound%3A high acme-token::Acme token: acme_ab************ (commit 0123456789ab). Revoke it.',
    );
  });

  it('prints 10 annotations, then one notice with the rest', () => {
    const lines = annotationLines(Array.from({ length: 13 }, (_, i) => finding({ line: i + 1 })));
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe(
      '::notice title=keyhound::3 more findings not annotated (GitHub shows 10 annotations per step); see the job summary or the SARIF file for all 13.',
    );
    expect(annotationLines([finding()])).toHaveLength(1);
  });
});
