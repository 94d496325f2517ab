import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

describe('--output to a device', () => {
  it('writes to /dev/null in place instead of replacing the device with a file', () => {
    const dir = tempDir();
    writeTree(dir, { 'a.txt': 'nothing here\n' });
    const result = runCli(['scan', dir, '--format', 'json', '--output', '/dev/null']);
    expect(result.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});
