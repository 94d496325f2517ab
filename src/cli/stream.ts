import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../core/types.js';
import { jsonLine } from '../report/jsonl.js';
import { toReported } from '../report/reported.js';
import type { CliIO } from './io.js';

/**
 * Writes findings as JSON Lines while the scan runs (`--format jsonl`), to
 * stdout or to `--output`. A file is written under a temporary name and
 * renamed when the scan ends, so a failed scan never leaves a partial report.
 */
export class FindingStream {
  private readonly file?: { temp: string; final: string; stream: WriteStream };
  count = 0;

  constructor(
    private readonly io: CliIO,
    output: string | undefined,
    private readonly redact: boolean,
  ) {
    if (output && output !== '-') {
      const final = path.resolve(io.cwd, output);
      const temp = path.join(path.dirname(final), `.${path.basename(final)}.${randomBytes(6).toString('hex')}.tmp`);
      this.file = { temp, final, stream: createWriteStream(temp, { mode: 0o600 }) };
    }
  }

  write(findings: readonly Finding[]): void {
    for (const finding of findings) {
      const line = jsonLine(toReported(finding, { redact: this.redact }));
      if (this.file) this.file.stream.write(line);
      else this.io.stdout.write(line);
      this.count++;
    }
  }

  /** Finishes the file (`ok`) or removes it (a failed scan). */
  async close(ok: boolean): Promise<void> {
    if (!this.file) return;
    const { stream, temp, final } = this.file;
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    if (ok) await rename(temp, final);
    else await rm(temp, { force: true });
  }
}
