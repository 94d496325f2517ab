import { describe, expect, it } from 'vitest';
import { addedLines, parsePatch } from '../../../src/sources/github/patch.js';

describe('parsePatch', () => {
  it('keeps new-side lines with their numbers and marks the added ones', () => {
    const patch = [
      '@@ -1,4 +1,5 @@ function main()',
      ' line one',
      '-old two',
      '+new two',
      '+new three',
      ' line four',
      '\\ No newline at end of file',
      '@@ -20,2 +21,3 @@',
      ' ctx',
      '+added at 22',
      ' ctx',
    ].join('\n');
    const hunks = parsePatch(patch);
    expect(hunks).toEqual([
      { newStart: 1, lines: ['line one', 'new two', 'new three', 'line four'], added: [{ start: 2, end: 3 }] },
      { newStart: 21, lines: ['ctx', 'added at 22', 'ctx'], added: [{ start: 22, end: 22 }] },
    ]);
    expect(addedLines(patch)).toEqual([
      { start: 2, end: 3 },
      { start: 22, end: 22 },
    ]);
  });

  it('reads a new file (+1,N) and a one-line hunk header without counts', () => {
    expect(parsePatch('@@ -0,0 +1,2 @@\n+a\n+b')).toEqual([{ newStart: 1, lines: ['a', 'b'], added: [{ start: 1, end: 2 }] }]);
    expect(parsePatch('@@ -3 +3 @@\n-x\n+y')).toEqual([{ newStart: 3, lines: ['y'], added: [{ start: 3, end: 3 }] }]);
  });

  it('yields nothing for a deletion-only patch or garbage', () => {
    expect(parsePatch('@@ -1,2 +0,0 @@\n-a\n-b')).toEqual([]);
    expect(parsePatch('Binary files differ')).toEqual([]);
  });
});
