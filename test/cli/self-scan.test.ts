import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

describe('keyhound on its own repository', () => {
  it('finds nothing: .keyhound.yaml documents every exclusion', () => {
    const result = runCli(['scan', ROOT, '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.findings.map((f: { path: string; line: number; ruleId: string }) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual([]);
    expect(result.code).toBe(0);
    // The config is in force: rule files (with their example tokens) were skipped by it.
    expect(report.stats.skipped['excluded-path']).toBeGreaterThan(100);
  });
});
