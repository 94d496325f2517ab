import path from 'node:path';
import { writeFileAtomic } from '../report/write.js';
import type { CliIO } from './io.js';

/**
 * Writes a report to a file atomically (report/write.ts), readable by its
 * owner only: with --no-redact it holds secrets.
 */
export async function writeAtomic(file: string, content: string): Promise<void> {
  await writeFileAtomic(file, content, 0o600);
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
