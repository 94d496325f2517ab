import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/detect/engine.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { decodeBytes, PieceDecoder, sniffHead, type Decoded } from '../../src/sources/decode.js';
import { gunzipBounded } from '../../src/sources/gzip.js';
import { mostlyText, TEXT_SHARE, textNamed, textShare } from '../../src/sources/sniff.js';
import { locateInBinary, printableRuns } from '../../src/sources/strings.js';
import { base62, githubToken } from '../helpers/tokens.js';

const textOf = (decoded: Decoded): string => {
  if (!decoded.ok) throw new Error(`not text: ${decoded.reason}`);
  return decoded.text;
};

function wide(text: string, encoding: 'utf16le' | 'utf16be' | 'utf32le' | 'utf32be'): Buffer {
  if (encoding.startsWith('utf16')) {
    const le = Buffer.from(text, 'utf16le');
    if (encoding === 'utf16be') le.swap16();
    return le;
  }
  const points: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const point = text.codePointAt(i)!;
    points.push(point);
    if (point > 0xffff) i++;
  }
  const out = Buffer.alloc(points.length * 4);
  points.forEach((point, i) => {
    if (encoding === 'utf32le') out.writeUInt32LE(point, i * 4);
    else out.writeUInt32BE(point, i * 4);
  });
  return out;
}

/** Bytes shaped like compiled code: mostly NULs and control bytes, as an executable's are. */
function binaryJunk(size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = i % 3 === 0 ? 0 : (i * 37) % 32;
  return out;
}

describe('NUL bytes no longer hide text', () => {
  const token = githubToken();
  const leadingNul = Buffer.from(`\0\nGITHUB_TOKEN=${token}\n`);

  it('reads a file with NULs as text when its name says text, NULs as spaces (offsets kept)', () => {
    const decoded = decodeBytes(leadingNul, { path: 'config/.env' });
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf8', nul: 1 });
    expect(textOf(decoded)).toBe(` \nGITHUB_TOKEN=${token}\n`);
  });

  it('reads it as text when most of its bytes are text, whatever its name', () => {
    expect(textOf(decodeBytes(leadingNul, { path: 'blob' }))).toContain(token);
    expect(textOf(decodeBytes(leadingNul))).toContain(token);
  });

  it('reads a text-named file as text even when most of it is NULs', () => {
    const padded = Buffer.concat([Buffer.alloc(4096), Buffer.from(`key=${token}`)]);
    expect(textOf(decodeBytes(padded, { path: 'app.yaml' }))).toContain(token);
    expect(decodeBytes(padded, { path: 'app.bin' })).toMatchObject({ ok: false, reason: 'binary' });
  });

  it('tells names that say text', () => {
    for (const name of [
      '.env',
      'prod.env',
      '.env.local',
      'a/b/config.yml',
      'x.json',
      'Dockerfile',
      'src/main.go',
      'settings.ini',
      'app.properties',
      'id_rsa',
      '.aws/credentials',
      'db.conf.gz',
    ])
      expect(textNamed(name), name).toBe(true);
    for (const name of ['a.bin', 'image.png', 'lib.so', 'data.sqlite', 'README']) expect(textNamed(name), name).toBe(false);
  });

  it('measures the share of text bytes, counting well-formed UTF-8 and not NULs', () => {
    expect(textShare(Buffer.from('héllo wörld\n'))).toBe(1);
    expect(textShare(Buffer.alloc(10))).toBe(0);
    expect(textShare(Buffer.from([0x41, 0xff, 0x41, 0xc3]))).toBe(0.5);
  });

  it('tells mostly text from binary as the whole share would, stopping early or not', () => {
    const text = Buffer.from('plain words\n'.repeat(2000));
    const binary = Buffer.from(Array.from({ length: 24_000 }, (_, i) => (i * 7919) % 256));
    for (const bytes of [
      text,
      binary,
      Buffer.concat([binary.subarray(0, 3000), text]),
      Buffer.concat([text, binary.subarray(0, 3000)]),
      Buffer.concat([text.subarray(0, 4000), binary.subarray(0, 800), text.subarray(0, 300)]),
      Buffer.alloc(0),
    ])
      expect(mostlyText(bytes)).toBe(bytes.length === 0 || textShare(bytes) >= TEXT_SHARE);
    expect(mostlyText(binary)).toBe(false);
    expect(mostlyText(text)).toBe(true);
  });
});

describe('UTF-16 and UTF-32 without a byte-order mark', () => {
  const token = githubToken();
  const content = `# prod\nGITHUB_TOKEN=${token}\nregion=eu-west-1 café\n`;
  for (const encoding of ['utf16le', 'utf16be', 'utf32le', 'utf32be'] as const) {
    it(`detects and decodes ${encoding}`, () => {
      expect(decodeBytes(wide(content, encoding))).toEqual({ ok: true, text: content, encoding });
    });
  }

  it('decodes UTF-32 with a byte-order mark, and still UTF-16 with one', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), wide(content, 'utf32le')]);
    expect(decodeBytes(le)).toEqual({ ok: true, text: content, encoding: 'utf32le' });
    const be = Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), wide(content, 'utf32be')]);
    expect(decodeBytes(be)).toEqual({ ok: true, text: content, encoding: 'utf32be' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), wide(content, 'utf16le')]))).toEqual({
      ok: true,
      text: content,
      encoding: 'utf16le',
    });
  });

  it('does not take binary with a NUL in every other byte for UTF-16', () => {
    // 16-bit integers: the NUL pattern of UTF-16LE, but control characters once decoded.
    const ints = Buffer.alloc(4096);
    for (let i = 0; i < ints.length; i += 2) ints[i] = (i / 2) % 31;
    expect(decodeBytes(ints)).toMatchObject({ ok: false, reason: 'binary' });
  });
});

describe('gzip', () => {
  const token = githubToken();

  it('decompresses gzip (every member) and reads what comes out', () => {
    const decoded = decodeBytes(Buffer.concat([gzipSync('a = 1\n'), gzipSync(`GITHUB_TOKEN=${token}\n`)]), { path: 'env.gz' });
    expect(decoded).toEqual({ ok: true, text: `a = 1\nGITHUB_TOKEN=${token}\n`, encoding: 'utf8', gzip: { truncated: false } });
  });

  it('reads what a stream cut short held, and says so', () => {
    const whole = gzipSync(`GITHUB_TOKEN=${token}\n${'x'.repeat(1000)}`);
    const decoded = decodeBytes(whole.subarray(0, whole.length - 8));
    expect(decoded).toMatchObject({ ok: true, gzip: { truncated: true } });
    expect(textOf(decoded)).toContain(token);
  });

  it('refuses a decompression bomb, naming the ratio, without inflating it', () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const decoded = decodeBytes(bomb);
    expect(decoded).toMatchObject({ ok: false, reason: 'decompression-bomb' });
    expect(!decoded.ok && decoded.reason === 'decompression-bomb' && decoded.detail).toMatch(/^gzip expands more than 100 times/);
  });

  it('refuses output past the size limit at an ordinary ratio as too large', () => {
    const text = Buffer.from(Array.from({ length: 4000 }, (_u, i) => `${i}:${(i * 7919) % 10007}`).join('\n'));
    const limits = { maxBytes: 10_000, maxRatio: 100, minBytes: 1000 };
    expect(gunzipBounded(gzipSync(text), undefined, limits)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(gunzipBounded(gzipSync(text), undefined, { ...limits, maxBytes: 1e6 })).toMatchObject({ ok: true });
  });

  it('reads bytes that only look like gzip as bytes', () => {
    const fake = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), binaryJunk(200), Buffer.from(` ${token} `)]);
    const decoded = decodeBytes(fake);
    expect(decoded).toMatchObject({ ok: false, reason: 'binary' });
    expect(!decoded.ok && decoded.reason === 'binary' && decoded.strings.text).toContain(token);
  });
});

describe('binary files: printable runs for the certain rules', () => {
  const token = githubToken();
  const before = binaryJunk(1000);
  const bytes = Buffer.concat([
    before,
    Buffer.from(`\u0001token=${token}\u0002`),
    binaryJunk(300),
    wide('WIDE=abcdefghij', 'utf16le'),
    binaryJunk(50),
  ]);

  it('lists runs of 8 or more printable characters, ASCII and UTF-16LE, one a line', () => {
    const runs = printableRuns(bytes);
    expect(runs.text.split('\n')).toEqual([`token=${token}`, 'WIDE=abcdefghij']);
    expect([...runs.runs]).toEqual([1001, 1, 1001 + 'token='.length + token.length + 1 + 300, 2]);
  });

  it('keeps a UTF-16LE run that ends the buffer, at either alignment', () => {
    const text = `KEY=${base62(20)}`;
    for (const pad of [3, 4]) {
      const tail = Buffer.concat([Buffer.alloc(pad, 0xff), Buffer.from(text, 'utf16le')]);
      expect(printableRuns(tail).text, `${pad} bytes before`).toBe(text);
      expect([...printableRuns(tail, 100).runs]).toEqual([100 + pad, 2]);
    }
  });

  it('finds the same runs as a pass per kind of run would, on random bytes', () => {
    // The plain definition: a pass for one-byte runs, and one for UTF-16LE at each alignment.
    const printable = (b: number | undefined) => b !== undefined && ((b >= 0x20 && b < 0x7f) || b === 9);
    const reference = (data: Uint8Array) => {
      const found: [number, number, number][] = [];
      for (let i = 0; i < data.length;) {
        let j = i;
        while (printable(data[j])) j++;
        if (j - i >= 8) found.push([i, j, 1]);
        i = j + 1;
      }
      for (const parity of [0, 1]) {
        for (let i = parity; i < data.length;) {
          let j = i;
          while (j + 1 < data.length && printable(data[j]) && data[j + 1] === 0) j += 2;
          if ((j - i) / 2 >= 8) found.push([i, j, 2]);
          i = j + 2;
        }
      }
      return found.sort((a, b) => a[0] - b[0]).map(([start, end, width]) => [start, width, end]);
    };
    for (let round = 0; round < 200; round++) {
      // Mostly printable letters and NULs, so runs of both kinds start and end often.
      const data = Uint8Array.from({ length: 50 + Math.floor(Math.random() * 400) }, () => {
        const r = Math.random();
        return r < 0.45 ? 0x61 + Math.floor(Math.random() * 26) : r < 0.9 ? 0 : Math.floor(Math.random() * 256);
      });
      const runs = printableRuns(data);
      const expected = reference(data);
      const got = Array.from({ length: runs.runs.length / 2 }, (_, k) => [runs.runs[k * 2]!, runs.runs[k * 2 + 1]!]);
      expect(got).toEqual(expected.map(([start, width]) => [start, width]));
      const buffer = Buffer.from(data);
      const texts = expected.map(([start, width, end]) => buffer.toString(width === 1 ? 'latin1' : 'utf16le', start, end));
      expect(runs.text).toBe(texts.join('\n'));
    }
  });

  it('locates findings by byte offset on line 1, and runs only the cheap, certain rules', async () => {
    const decoded = decodeBytes(bytes, { path: 'app.bin' });
    if (decoded.ok || decoded.reason !== 'binary') throw new Error('expected binary');
    const engine = new Engine(builtinRules());
    await engine.prepare();
    const { findings } = locateInBinary(engine.scanCertain({ text: decoded.strings.text, origin: { path: 'app.bin' } }), decoded.strings);
    const at = bytes.indexOf(token);
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.endColumn, f.offset])).toEqual([
      ['github-pat-classic', 1, at + 1, at + 1 + token.length, at],
    ]);
    expect(findings[0]!.snippet).not.toContain(token);
    // The generic rules would report `token=...` in text; in a binary they do not run.
    const generic = `token=${base62(24)}`;
    expect(engine.scan({ text: generic, origin: { path: 'a.txt' } }).findings.map((f) => f.ruleId)).toEqual(['generic-api-key']);
    expect(engine.scanCertain({ text: generic, origin: { path: 'a.bin' } }).findings).toEqual([]);
  });
});

describe('big files, read in pieces', () => {
  it('sniffs the head as decodeBytes would decide the whole', () => {
    expect(sniffHead(Buffer.from('hello'))).toEqual({ kind: 'text', encoding: 'utf8', skip: 0 });
    // A character cut by the end of the head is not a reason to read the file as Latin-1.
    expect(sniffHead(Buffer.from('héllo').subarray(0, 2))).toEqual({ kind: 'text', encoding: 'utf8', skip: 0 });
    expect(sniffHead(Buffer.from([0xe9, 0x20, 0x41]))).toEqual({ kind: 'text', encoding: 'latin1', skip: 0 });
    expect(sniffHead(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x')]))).toEqual({
      kind: 'text',
      encoding: 'utf8',
      skip: 3,
    });
    expect(sniffHead(wide('GITHUB_TOKEN=abc\n', 'utf32be'))).toEqual({ kind: 'text', encoding: 'utf32be', skip: 0 });
    expect(sniffHead(gzipSync('x'.repeat(100)))).toEqual({ kind: 'gzip' });
    expect(sniffHead(Buffer.from('\0\nA=1'), 'x.env')).toEqual({ kind: 'text', encoding: 'utf8', skip: 0 });
    expect(sniffHead(binaryJunk(4096))).toEqual({ kind: 'binary' });
  });

  it('decodes pieces that split code units, in every encoding, NULs as spaces', () => {
    const text = 'a\0€𝄞 key=value\n'.repeat(5);
    for (const encoding of ['utf8', 'utf16le', 'utf16be', 'utf32le', 'utf32be'] as const) {
      const bytes = encoding === 'utf8' ? Buffer.from(text) : wide(text, encoding);
      const decoder = new PieceDecoder(encoding);
      let out = '';
      for (let i = 0; i < bytes.length; i += 7) out += decoder.write(bytes.subarray(i, i + 7));
      out += decoder.end();
      expect(out, encoding).toBe(text.replace(/\0/g, ' '));
    }
  });
});
