import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/location.js';

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and columns with LF, CRLF and lone CR endings alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `first${eol}second line${eol}third`;
      const lines = new LineIndex(text);
      const at = text.indexOf('line');
      expect(lines.position(at)).toEqual({ line: 2, column: 8 });
      expect(lines.position(text.indexOf('third'))).toEqual({ line: 3, column: 1 });
      expect(lines.lineText(2)).toBe('second line');
      expect(lines.lineCount).toBe(3);
    }
  });

  it('locates a secret on a last line that has no newline', () => {
    const text = 'a\nb\nkey=SECRET';
    const lines = new LineIndex(text);
    const start = text.indexOf('SECRET');
    expect(lines.span(start, start + 6)).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 11 });
  });

  it('gives a multi-line span its real end line and an exclusive end column', () => {
    const text = 'x = """\n-----BEGIN KEY-----\nabc\n-----END KEY-----\n"""';
    const lines = new LineIndex(text);
    const start = text.indexOf('-----BEGIN');
    const end = text.indexOf('KEY-----\n"""') + 'KEY-----'.length;
    expect(lines.span(start, end)).toEqual({ line: 2, column: 1, endLine: 4, endColumn: 18 });
  });

  it('counts columns in UTF-16 code units, so an astral character takes two', () => {
    const text = '😀 token=abc';
    const lines = new LineIndex(text);
    expect(lines.position(text.indexOf('abc')).column).toBe(10);
  });

  it('honours a first line number for slices of bigger files', () => {
    const lines = new LineIndex('a\nb', 41);
    expect(lines.position(2)).toEqual({ line: 42, column: 1 });
    expect(lines.offset(42, 1)).toBe(2);
  });

  it('round-trips offset -> line/column -> offset for arbitrary text with mixed line endings', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom('\n', '\r\n', '\r', '😀', '\u2028'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), (pieces, pick) => {
        const text = pieces.join('');
        const lines = new LineIndex(text);
        const offset = text.length === 0 ? 0 : pick % text.length;
        // An offset in the middle of a CRLF pair belongs to no line; skip it.
        if (text[offset] === '\n' && text[offset - 1] === '\r') return;
        const { line, column } = lines.position(offset);
        expect(lines.offset(line, column)).toBe(offset);
      }),
    );
  });

  it('round-trips for slices that start mid-line (pieces of a long line), for any unit of text', () => {
    const piece = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('\n', '\r\n', '\r', '😀', '\ud83d', '\u2028'));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (pieces, pick, firstLine, firstColumn) => {
          const text = pieces.join('');
          const lines = new LineIndex(text, firstLine, firstColumn);
          const offset = text.length === 0 ? 0 : pick % text.length;
          if (text[offset] === '\n' && text[offset - 1] === '\r') return;
          const { line, column } = lines.position(offset);
          expect(line).toBeGreaterThanOrEqual(firstLine);
          // Only the first line is shifted.
          expect(column).toBeGreaterThanOrEqual(line === firstLine ? firstColumn : 1);
          expect(lines.offset(line, column)).toBe(offset);
        },
      ),
    );
  });
});
