import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIO } from './io.js';

/**
 * Writes a report to a file atomically (a temp file beside it, then rename), so
 * a failed or interrupted scan never leaves a half-written report behind.
 */
export async function writeAtomic(file: string, content: string): Promise<void> {
  // A device or pipe (`-o /dev/null`, `/dev/stdout`, a FIFO) is written in
  // place: renaming over it would replace the device with a regular file.
  const existing = await stat(file).catch(() => undefined);
  if (existing && !existing.isFile()) {
    await writeFile(file, content);
    return;
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { mode: 0o600 });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Sends rendered output to `--output` or stdout. */
export async function emit(io: CliIO, content: string, output: string | undefined): Promise<void> {
  if (output && output !== '-') await writeAtomic(path.resolve(io.cwd, output), content);
  else io.stdout.write(content);
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org) or into a file. */
export function useColor(io: CliIO, output: string | undefined): boolean {
  if (output && output !== '-') return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}
