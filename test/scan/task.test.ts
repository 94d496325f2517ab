import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/detect/engine.js';
import { OVERLAP, PIECE_BYTES, runTask } from '../../src/scan/task.js';
import { testRule } from '../helpers/rules.js';
import { tempDir } from '../helpers/tmp.js';
import { base62 } from '../helpers/tokens.js';

const rule = testRule({ id: 'test-token', keywords: ['tok_'], pattern: '(?<![A-Za-z0-9])(?<secret>tok_[A-Za-z0-9]{32})(?![A-Za-z0-9])' });

describe('scanning a file bigger than one piece', () => {
  it('finds secrets across piece borders once each, with the right line numbers', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.log');
    const line = `${'x'.repeat(99)}\n`;
    const lines: string[] = [];
    const secrets: { secret: string; line: number }[] = [];
    // Plant secrets right at each place a piece border can fall, and in between.
    const bordersAt = [PIECE_BYTES - OVERLAP / 2, PIECE_BYTES, 2 * PIECE_BYTES - OVERLAP, 2 * PIECE_BYTES - OVERLAP / 2];
    let size = 0;
    while (size < 2 * PIECE_BYTES + 1000) {
      const border = bordersAt.find((b) => b >= size && b < size + line.length + 40);
      if (border !== undefined) {
        const secret = `tok_${base62(32)}`;
        const pad = Math.max(0, border - size - 10);
        lines.push(`${'y'.repeat(pad)} ${secret}\r\n`);
        secrets.push({ secret, line: lines.length });
        bordersAt.splice(bordersAt.indexOf(border), 1);
      } else lines.push(line);
      size += lines[lines.length - 1]!.length;
    }
    writeFileSync(file, lines.join(''));
    const outcome = await runTask(new Engine([rule]), { kind: 'file', entry: { path: 'big.log', absolutePath: file, size } });
    expect(outcome.kind).toBe('scanned');
    const found = outcome.kind === 'scanned' ? outcome.result.findings.map((f) => ({ secret: f.secret, line: f.line })) : [];
    expect(found).toEqual(secrets);
  });
});
