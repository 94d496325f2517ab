import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { SourceError } from '../../core/errors.js';
import type { ObjectInfo } from './catfile.js';
import type { Repository } from './repo.js';
import { gitFailed, spawnGit } from './run.js';

/** An object by id, or the version of `path` in revision `rev` (`rev:path`). */
export type Lookup = string | { rev: string; path: string } | undefined;

/**
 * Object ids, types and sizes from one long-lived `git cat-file
 * --batch-check`, by id or by `rev:path`: the version of a path in another
 * commit's tree without diffing the trees. Answers come in request order;
 * `undefined` for what the repository does not have (and for a path holding
 * a newline, which the line-based protocol cannot ask for).
 */
export class TreeLookup {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: { resolve: (value: ObjectInfo | undefined) => void; reject: (error: Error) => void }[] = [];
  private partial = '';
  private failure: Error | undefined;
  private readonly stderr: Buffer[] = [];

  constructor(repo: Repository) {
    this.child = spawnGit(['cat-file', '--batch-check'], { cwd: repo.cwd, env: repo.env });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    this.child.stdin.on('error', () => {});
    this.child.on('error', (error) => this.fail(new SourceError(`could not run git cat-file: ${error.message}`)));
    this.child.on('close', (code) => {
      if (this.pending.length > 0)
        this.fail(
          code === 0
            ? new SourceError('git cat-file stopped before answering every request')
            : gitFailed(['cat-file', '--batch-check'], Buffer.concat(this.stderr).toString('utf8'), code ?? -1),
        );
    });
  }

  /** What each of `items` names, in order. */
  find(items: readonly Lookup[]): Promise<(ObjectInfo | undefined)[]> {
    if (this.failure) return Promise.reject(this.failure);
    const lines: string[] = [];
    const answers: Promise<ObjectInfo | undefined>[] = [];
    for (const item of items) {
      const line = item === undefined ? undefined : typeof item === 'string' ? item : `${item.rev}:${item.path}`;
      if (line === undefined || line.includes('\n')) {
        answers.push(Promise.resolve(undefined));
        continue;
      }
      lines.push(line);
      answers.push(new Promise((resolve, reject) => this.pending.push({ resolve, reject })));
    }
    if (lines.length > 0) this.child.stdin.write(`${lines.join('\n')}\n`);
    return Promise.all(answers);
  }

  close(): void {
    this.child.stdin.end();
    if (this.pending.length > 0) this.child.kill();
  }

  private receive(chunk: Buffer): void {
    const text = this.partial + chunk.toString('utf8');
    const lines = text.split('\n');
    this.partial = lines.pop()!;
    for (const line of lines) {
      const waiting = this.pending.shift();
      if (!waiting) continue;
      // "<id> <type> <size>", or "<what was asked> missing" (or "ambiguous").
      if (/ (missing|ambiguous)$/.test(line)) {
        waiting.resolve(undefined);
        continue;
      }
      const [id, type, size] = line.split(' ');
      waiting.resolve({ id: id!, type: type!, size: Number(size) });
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const waiting of this.pending.splice(0)) waiting.reject(error);
  }
}
