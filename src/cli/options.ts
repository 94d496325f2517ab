import { availableParallelism } from 'node:os';
import type { Argv } from 'yargs';
import { UsageError } from '../core/errors.js';

/** yargs drops a lone "-" (the stdin path); main() carries it through as a name no file can have. */
export const STDIN_ARG = '\0-';

export const FORMATS = ['text', 'json', 'jsonl', 'sarif', 'github'] as const;

/** The options every scanning command shares (DESIGN.md, CLI contract). */
export function commonOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('format', { alias: 'f', choices: FORMATS, default: 'text', describe: 'Output format' })
    .option('output', { alias: 'o', type: 'string', describe: 'Write the report to a file (atomically) instead of stdout' })
    .option('redact', { type: 'boolean', default: true, describe: 'Mask secrets in every output; --no-redact shows them whole' })
    .option('exit-code', { type: 'number', default: 1, coerce: exitCode, describe: 'Exit code when findings remain' })
    .option('rules', { type: 'string', array: true, describe: 'Extra rule files or folders (YAML, see docs/rules.md)' })
    .option('disable', { type: 'string', array: true, describe: 'Rule ids to turn off (comma-separated or repeated)' })
    .option('max-file-size', { type: 'string', describe: 'Skip files larger than this (bytes, or with KB/MB/GB); default 10MB' })
    .option('explain', { type: 'boolean', default: false, describe: 'Also list dropped candidates and why' })
    .option('threads', {
      alias: 'j',
      type: 'number',
      default: availableParallelism(),
      coerce: threadCount,
      describe: 'Scanning threads (default: all cores)',
    })
    .option('file-timeout', {
      type: 'number',
      default: 30,
      describe:
        'Seconds one file (or 16 MiB piece of a bigger one) may take to scan; past it the file is skipped and counted as "timeout" (0: no limit)',
    })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress or summary on stderr' })
    .option('verbose', { type: 'boolean', default: false, describe: 'Log what is scanned and skipped to stderr' });
}

/** A numeric option's value as the user may recognise it: yargs turns text that is not a number into NaN. */
export function given(value: number): string {
  return Number.isNaN(value) ? 'something else' : String(value);
}

/** `--threads`: a whole number from 1 (yargs reads `abc` as NaN, which would quietly scan nothing). */
export function threadCount(value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--threads: give a whole number of threads from 1 (got ${given(value)})`);
  return value;
}

/** `--exit-code`: what a process can return, 0-255 (NaN crashed the process when findings remained). */
export function exitCode(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 255)
    throw new UsageError(`--exit-code: give a whole number from 0 to 255 (got ${given(value)})`);
  return value;
}

/** `10MB`, `512k`, `1048576` → bytes. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$/i.exec(text);
  if (!match) throw new UsageError(`--max-file-size: "${text}" is not a size (try 10MB, 512KB or a number of bytes)`);
  const unit = (match[2] ?? 'b').toLowerCase()[0]!;
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(match[1]) * factor);
}

/** `--disable a,b --disable c` → `[a, b, c]`. */
export function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}
