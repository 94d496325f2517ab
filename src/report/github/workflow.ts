import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { escapeData, workflowCommand } from './annotations.js';

/**
 * The runner side of a step: log lines and workflow commands on stdout, the
 * `$GITHUB_OUTPUT` and `$GITHUB_STEP_SUMMARY` files, and the exit code.
 *
 * We speak the protocol ourselves instead of depending on `@actions/core`: it
 * is a handful of documented lines and two files, and owning it keeps every
 * byte the Action prints in one small module we can audit for leaks. Nothing
 * here ever receives a raw secret; findings arrive already redacted.
 */
export class Workflow {
  /** 0, or 1 once the step has failed. */
  exitCode = 0;
  readonly debugEnabled: boolean;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly out: { write(text: string): unknown },
  ) {
    // The runner sets RUNNER_DEBUG=1 when step debug logging is on (ACTIONS_STEP_DEBUG).
    this.debugEnabled = env.RUNNER_DEBUG === '1' || env.ACTIONS_STEP_DEBUG === 'true';
  }

  /**
   * A plain log line. Text from scanned repositories (paths, commit messages)
   * can contain line breaks; a line that starts with `::` would be read as a
   * command, so breaks are flattened.
   */
  info(message: string): void {
    this.out.write(`${message.replace(/[\r\n]+/g, ' ')}\n`);
  }

  /** Shown only with debug logging on (the runner filters `::debug::`). */
  debug(message: string): void {
    this.out.write(`${workflowCommand('debug', {}, message)}\n`);
  }

  notice(message: string, title?: string): void {
    this.out.write(`${workflowCommand('notice', { title }, message)}\n`);
  }

  warning(message: string, title?: string): void {
    this.out.write(`${workflowCommand('warning', { title }, message)}\n`);
  }

  error(message: string, title?: string): void {
    this.out.write(`${workflowCommand('error', { title }, message)}\n`);
  }

  /** A raw, already formatted workflow command (annotations). */
  command(line: string): void {
    this.out.write(`${line}\n`);
  }

  group(name: string): void {
    this.out.write(`::group::${escapeData(name)}\n`);
  }

  endGroup(): void {
    this.out.write('::endgroup::\n');
  }

  /**
   * Sets a step output. `$GITHUB_OUTPUT` takes `name<<DELIMITER` heredocs; the
   * delimiter is random so no value can end it early.
   */
  setOutput(name: string, value: string): void {
    const file = this.env.GITHUB_OUTPUT;
    if (!file) {
      this.warning(`GITHUB_OUTPUT is not set; output ${name} not written (is this running in GitHub Actions?)`);
      return;
    }
    const delimiter = `ghadelimiter_${randomUUID()}`;
    appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
  }

  /** Appends Markdown to the job summary; does nothing outside a runner. */
  appendSummary(markdown: string): void {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file) return;
    appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
  }

  /** Logs an error and marks the step failed (the process exits 1). */
  setFailed(message: string): void {
    this.error(message);
    this.exitCode = 1;
  }
}
