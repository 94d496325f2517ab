import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { validateSarif as validate } from '../helpers/sarif-schema.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62 } from '../helpers/tokens.js';

describe('SARIF output', () => {
  it("validates against the SARIF 2.1.0 schema and meets GitHub code scanning's extra rules", () => {
    const dir = tempDir();
    const secrets = [base62(32), base62(24)];
    writeTree(dir, {
      'dir with space/ünï.env': `API_KEY=${secrets[0]}\n`,
      'b.properties': `db.password=${secrets[1]}\n`,
    });
    const result = runCli(['scan', dir, '--format', 'sarif']);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    expect(run.results).toHaveLength(2);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.fullDescription.text).toBeTruthy();
      expect(rule.help.markdown).toContain('How to fix');
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
    }
    const uris = run.results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toEqual(['b.properties', 'dir%20with%20space/%C3%BCn%C3%AF.env']);
    for (const r of run.results) {
      const region = r.locations[0].physicalLocation.region;
      expect(region).toMatchObject({ startLine: 1, endLine: 1 });
      expect(region.endColumn).toBeGreaterThan(region.startColumn);
      expect(r.partialFingerprints['keyhound/v2']).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const secret of secrets) expect(result.stdout).not.toContain(secret);
  });

  it('validates with no results too', () => {
    const dir = tempDir();
    writeTree(dir, { 'a.txt': 'hello' });
    const log = JSON.parse(runCli(['scan', dir, '--format', 'sarif']).stdout);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });

  it("is checked against the schema's formats too: a tool URI that is not a URI fails", () => {
    const dir = tempDir();
    writeTree(dir, { 'a.txt': 'hello' });
    const log = JSON.parse(runCli(['scan', dir, '--format', 'sarif']).stdout);
    log.runs[0].tool.driver.informationUri = 'not a uri';
    expect(validate(log)).toBe(false);
    expect(validate.errors?.map((e) => [e.instancePath, e.keyword])).toEqual([['/runs/0/tool/driver/informationUri', 'format']]);
  });
});
