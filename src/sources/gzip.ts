import { constants, gunzipSync } from 'node:zlib';

/** Limits on decompressing gzip. */
export interface GunzipLimits {
  /** Decompressed bytes at most. */
  maxBytes: number;
  /** Decompressed bytes per compressed byte at most, once the output is past {@link minBytes}. */
  maxRatio: number;
  /** Output below this may have any ratio (a small file of one repeated byte harms nothing). */
  minBytes: number;
}

/**
 * The limits decode.ts uses. What comes out is held in memory and scanned as
 * one text: at most 64 MiB (four 16 MiB pieces' worth at once), and at most
 * 100 times the compressed size past 1 MiB. Text compresses 3-10 times, logs
 * up to about 50; a run of one repeated byte, the stuff of decompression
 * bombs, about 1000.
 */
export const GUNZIP_LIMITS: Readonly<GunzipLimits> = { maxBytes: 64 * 1024 * 1024, maxRatio: 100, minBytes: 1024 * 1024 };

export type Gunzipped =
  | { ok: true; bytes: Buffer; truncated: boolean }
  | { ok: false; reason: 'decompression-bomb' | 'too-large'; detail: string }
  | { ok: false; reason: 'corrupt' };

/** Whether bytes start like a gzip member (RFC 1952: ID1 ID2, CM = 8 deflate). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 18 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 8;
}

/**
 * Decompresses gzip (every member of a multi-member file), stopping as soon
 * as the output passes the limits: past {@link GUNZIP_LIMITS.maxRatio} times
 * `compressedSize` (the size of the file as read, for nested gzip too) it is
 * refused as a `decompression-bomb`, past {@link GUNZIP_LIMITS.maxBytes} as
 * `too-large`; zlib stops there, so a bomb costs no more memory than the limit.
 * A stream cut short gives what it held (`truncated`); data zlib cannot read
 * is `corrupt`.
 */
export function gunzipBounded(bytes: Uint8Array, compressedSize = bytes.length, limits: GunzipLimits = GUNZIP_LIMITS): Gunzipped {
  const byRatio = Math.max(limits.minBytes, limits.maxRatio * compressedSize);
  const limit = Math.min(byRatio, limits.maxBytes);
  const attempt = (truncated: boolean): Gunzipped | 'cut' => {
    try {
      const options = truncated ? { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH } : { maxOutputLength: limit };
      return { ok: true, bytes: gunzipSync(bytes, options), truncated };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') {
        return byRatio <= limits.maxBytes
          ? {
              ok: false,
              reason: 'decompression-bomb',
              detail: `expands more than ${limits.maxRatio} times (past ${limit} bytes from ${compressedSize})`,
            }
          : { ok: false, reason: 'too-large', detail: `expands past ${limit} bytes` };
      }
      // "unexpected end of file": the stream was cut short; what it held up to the cut is read next.
      return code === 'Z_BUF_ERROR' && !truncated ? 'cut' : { ok: false, reason: 'corrupt' };
    }
  };
  const whole = attempt(false);
  if (whole !== 'cut') return whole;
  const held = attempt(true);
  return held === 'cut' ? { ok: false, reason: 'corrupt' } : held;
}
