import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLineBreaks, matchLength, matchLengthFromEnd, newLineRuns } from '../../../src/sources/git/changes.js';
import { LineIndex } from '../../../src/core/location.js';

/** Lines of a buffer as [start, end) with the line break included. */
function lines(buffer: Buffer): [number, number][] {
  const out: [number, number][] = [];
  for (let at = 0; at < buffer.length; ) {
    const newline = buffer.indexOf(10, at);
    const next = newline < 0 ? buffer.length : newline + 1;
    out.push([at, next]);
    at = next;
  }
  return out;
}

function newLines(base: string, blob: string): string[] {
  const data = Buffer.from(blob);
  return newLineRuns(Buffer.from(base), data).flatMap((run) => lines(data.subarray(run.start, run.end)).map(([s, e]) => data.subarray(run.start + s, run.start + e).toString()));
}

describe('newLineRuns', () => {
  it('reports only the lines a version added, as whole lines', () => {
    expect(newLines('a\nb\nc\n', 'a\nb\nNEW\nc\n')).toEqual(['NEW\n']);
    expect(newLines('a\nb\nc\n', 'a\nB\nc\n')).toEqual(['B\n']);
    expect(newLines('a\nb\nc\n', 'a\nc\n')).toEqual([]);
    expect(newLines('a\nb\nc', 'a\nb\ncd')).toEqual(['cd']);
    expect(newLines('abc\n', 'ab')).toEqual(['ab']);
    expect(newLines('', 'x\n')).toEqual(['x\n']);
  });

  it('finds separate hunks far apart in a large file without treating the middle as new', () => {
    const body = Array.from({ length: 5000 }, (_, i) => `line ${i} of a long file\n`);
    const changed = [...body];
    changed.splice(4000, 1, 'changed near the end\n');
    changed.splice(10, 0, 'inserted near the top\n');
    changed.splice(2500, 2);
    expect(newLines(body.join(''), changed.join(''))).toEqual(['inserted near the top\n', 'changed near the end\n']);
  });

  it('treats a whole rewrite as new, and a blob without a base as new', () => {
    const base = Array.from({ length: 3000 }, (_, i) => `old ${i}\n`).join('');
    const blob = Array.from({ length: 3000 }, (_, i) => `new ${i}\n`).join('');
    expect(newLines(base, blob)).toHaveLength(3000);
    expect(newLineRuns(undefined, Buffer.from('a\nb'))).toEqual([{ start: 0, end: 3 }]);
  });

  it('never calls a line old unless the base has it byte for byte, and reports whole lines only (property)', () => {
    const line = fc.oneof(fc.constantFrom('', '}', 'x = 1', 'x = 1\r', 'a\rb', 'token = abc'), fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, '')));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.array(line, { maxLength: 4 })), { maxLength: 5 }), fc.boolean(), fc.boolean(), (baseLines, edits, endA, endB) => {
        const edited = [...baseLines];
        for (const [at, remove, insert] of edits) edited.splice(at % (edited.length + 1), remove, ...insert);
        const base = Buffer.from(baseLines.join('\n') + (endA && baseLines.length > 0 ? '\n' : ''));
        const blob = Buffer.from(edited.join('\n') + (endB && edited.length > 0 ? '\n' : ''));
        const runs = newLineRuns(base, blob);
        const old = new Set(lines(base).map(([s, e]) => base.subarray(s, e).toString('latin1')));
        for (const [s, e] of lines(blob)) {
          const inRun = runs.some((r) => r.start <= s && e <= r.end);
          const cut = runs.some((r) => (r.start > s && r.start < e) || (r.end > s && r.end < e));
          expect(cut).toBe(false);
          if (!inRun) expect(old.has(blob.subarray(s, e).toString('latin1'))).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('byte helpers', () => {
  it('measures equal stretches at both ends across block sizes', () => {
    const a = Buffer.alloc(200_000, 'x');
    const b = Buffer.from(a);
    b[123_457] = 0x79;
    expect(matchLength(a, 0, b, 0, a.length)).toBe(123_457);
    expect(matchLength(a, 10, b, 10, 1000)).toBe(1000);
    expect(matchLengthFromEnd(a, b, a.length)).toBe(200_000 - 123_458);
    expect(matchLengthFromEnd(a, Buffer.from(a), 5000)).toBe(5000);
  });

  it('counts line breaks the way LineIndex does (\\n, \\r\\n and a lone \\r)', () => {
    for (const text of ['a\nb\r\nc\rd', '\r\r\n\n', 'no breaks', 'end\r']) {
      expect(countLineBreaks(Buffer.from(text), 0, text.length) + 1).toBe(new LineIndex(text).lineCount);
    }
  });
});
