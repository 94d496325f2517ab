import { isUtf8 } from 'node:buffer';

/** Bytes sniffed for NUL to tell binary from text (git and ripgrep sniff similarly). */
const SNIFF_BYTES = 8192;

export type Decoded = { ok: true; text: string; encoding: 'utf8' | 'utf16le' | 'utf16be' | 'latin1' } | { ok: false; reason: 'binary' };

/**
 * Turns file bytes into text for scanning. UTF-16 with a byte-order mark is
 * decoded (Windows tools write it); a NUL byte in the first 8 KiB otherwise
 * means binary; bytes that are not valid UTF-8 are read as Latin-1, which keeps
 * every ASCII byte (all key formats are ASCII) at its own offset.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { ok: true, text: buffer.subarray(2).toString('utf16le'), encoding: 'utf16le' };
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2, buffer.length - (buffer.length % 2)));
    swapped.swap16();
    return { ok: true, text: swapped.toString('utf16le'), encoding: 'utf16be' };
  }
  const sniff = buffer.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) return { ok: false, reason: 'binary' };
  const start = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  const body = buffer.subarray(start);
  if (isUtf8(body)) return { ok: true, text: body.toString('utf8'), encoding: 'utf8' };
  return { ok: true, text: body.toString('latin1'), encoding: 'latin1' };
}
