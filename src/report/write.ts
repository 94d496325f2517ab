import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Files keyhound writes (reports, SARIF for the Action, baselines, edits to
 * `.gitattributes`) are written atomically: a temp file beside the target,
 * then a rename, so a failed or interrupted run never leaves a half-written
 * file behind. A device or pipe (`-o /dev/null`, `/dev/stdout`, a FIFO) is
 * written in place: renaming over it would replace the device with a regular
 * file for every process on the machine.
 */
export async function writeFileAtomic(file: string, content: string, mode = 0o644): Promise<void> {
  const existing = await stat(file).catch(() => undefined);
  if (existing && !existing.isFile()) {
    await writeFile(file, content);
    return;
  }
  const temp = tempBeside(file);
  try {
    await writeFile(temp, content, { mode });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** {@link writeFileAtomic} for synchronous callers. */
export function writeFileAtomicSync(file: string, content: string, mode = 0o644): void {
  const existing = statSync(file, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
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

function tempBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}
