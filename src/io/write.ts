import { randomBytes } from 'node:crypto';
import { accessSync, constants, createWriteStream, renameSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../core/errors.js';

/**
 * The one place keyhound opens files it writes: reports (`--output`), SARIF
 * for the Action, baselines, edits to `.gitattributes`. A regular file is
 * written under a temporary name beside it and renamed at the end, so a
 * failed or interrupted run never leaves a half-written file. Anything else
 * (a FIFO, `/dev/null`, `/dev/stdout`, a socket) is written in place: renaming
 * over it would replace the device or pipe with a regular file for every
 * process on the machine.
 */

/** Where text goes: appended as it comes, then committed (renamed into place) or dropped. */
export interface Output {
  write(text: string): void;
  /** Finishes the output: a regular file is renamed into place. */
  close(): Promise<void>;
  /** Drops what was written (a failed run): a regular file's temporary copy is removed. */
  abort(): Promise<void>;
}

/** Not a regular file (or not there yet): written in place, never replaced. */
function special(file: string): boolean {
  const existing = statSync(file, { throwIfNoEntry: false });
  return existing !== undefined && !existing.isFile();
}

function tempBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Checks before a scan starts that `file` can be written (exit 2 with one
 * line, instead of failing after the whole scan): its folder exists, it is
 * not a folder itself, and a new file can be made there (or it is a special
 * file that can be opened for writing).
 */
export function checkWritable(file: string, what: string): void {
  const existing = statSync(file, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new UsageError(`${what}: ${file} is a folder; name a file`);
  const folder = path.dirname(file);
  const parent = statSync(folder, { throwIfNoEntry: false });
  if (!parent) throw new UsageError(`${what}: the folder ${folder} does not exist`);
  if (!parent.isDirectory()) throw new UsageError(`${what}: ${folder} is not a folder`);
  try {
    if (existing && !existing.isFile()) accessSync(file, constants.W_OK);
    else accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`${what}: cannot write ${existing && !existing.isFile() ? file : `into ${folder}`} (permission denied)`);
  }
}

/** A stream of text into `file`: a temporary file renamed at `close`, or the special file itself. */
export function openOutput(file: string, mode = 0o644): Output {
  if (special(file)) return streamOutput(createWriteStream(file, { flags: 'w' }), true);
  const temp = tempBeside(file);
  const inner = streamOutput(createWriteStream(temp, { mode }), true);
  return {
    write: (text) => inner.write(text),
    async close() {
      await inner.close();
      try {
        renameSync(temp, file);
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      }
    },
    async abort() {
      await inner.abort();
      await rm(temp, { force: true });
    },
  };
}

/**
 * Text into a stream. `owned`: keyhound opened it and ends it at `close`;
 * otherwise (standard output) it is written through and left open. A write
 * error (a closed pipe) stops further writes and is reported at `close`.
 */
export function streamOutput(stream: NodeJS.WritableStream | WriteStream, owned = false): Output {
  let failure: Error | undefined;
  // Standard output's own errors (a closed pipe) are the entry point's to handle (cli/bin.ts).
  if (owned) {
    (stream as WriteStream).on('error', (error: Error) => {
      failure ??= error;
    });
  }
  const finish = (): Promise<void> =>
    new Promise((resolve, reject) => {
      if (failure) {
        reject(failure);
        return;
      }
      if (!owned) {
        resolve();
        return;
      }
      stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
  return {
    write(text) {
      if (!failure) stream.write(text);
    },
    close: finish,
    async abort() {
      await finish().catch(() => {});
    },
  };
}

/** Writes a whole file at once, atomically (see {@link openOutput}). */
export function writeFileAtomicSync(file: string, content: string, mode = 0o644): void {
  if (special(file)) {
    writeFileSync(file, content);
    return;
  }
  const temp = tempBeside(file);
  try {
    writeFileSync(temp, content, { mode });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
