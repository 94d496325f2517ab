/** The progress line's output: stderr, when it is a terminal. */
export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Redraws at most this often; a terminal line per file would cost more than the scan. */
const INTERVAL_MS = 150;

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}

/**
 * One status line on a terminal while a scan runs: items done (of how many,
 * once known), bytes, MB/s and an estimate of the time left. Silent on
 * anything that is not a terminal and with `--quiet`, so logs and pipes get
 * only the report.
 */
export class Progress {
  private done = 0;
  private bytes = 0;
  private findings = 0;
  private blobs = 0;
  private total = 0;
  private readonly started: number;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly sink: ProgressSink,
    private readonly enabled: boolean,
    private readonly unit = 'files',
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** A sink gets a progress line only when it is a terminal and the user did not ask for quiet. */
  static for(sink: ProgressSink, quiet: boolean, unit?: string): Progress {
    return new Progress(sink, sink.isTTY === true && !quiet, unit);
  }

  listed(count: number): void {
    this.total += count;
  }

  item(bytes: number): void {
    this.update({ done: 1, bytes });
  }

  /** Items done, more items known to come, bytes scanned, findings made, blobs read: what the run reports as it goes. */
  update(update: { done?: number; total?: number; bytes?: number; findings?: number; blobs?: number }): void {
    this.blobs += update.blobs ?? 0;
    this.total += update.total ?? 0;
    this.done += update.done ?? 0;
    this.findings += update.findings ?? 0;
    this.bytes += update.bytes ?? 0;
    if (!this.enabled) return;
    const now = this.now();
    if (now - this.lastDraw >= INTERVAL_MS) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  /** The line as it would be drawn now. */
  line(now = this.now()): string {
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const rate = this.bytes / 1048576 / seconds;
    const count = this.total > 0 ? `${this.done}/${this.total} ${this.unit}` : `${this.done} ${this.unit}`;
    const blobs = this.blobs > 0 ? `, ${this.blobs} blob${this.blobs === 1 ? '' : 's'}` : '';
    const found = this.findings > 0 ? `, ${this.findings} finding${this.findings === 1 ? '' : 's'}` : '';
    const eta = this.total > 0 && this.done > 0 ? `, about ${duration((seconds * (this.total - this.done)) / this.done)} left` : '';
    return `keyhound: ${count}${blobs}${found}, ${megabytes(this.bytes)}, ${rate.toFixed(1)} MB/s${eta}`;
  }

  private draw(now: number): void {
    const width = Math.max(20, (this.sink.columns ?? 80) - 1);
    this.sink.write(`\r\u001b[2K${this.line(now).slice(0, width)}`);
    this.drawn = true;
  }

  /**
   * A log line (one repository of an audit done) above the progress line:
   * the line is cleared, the text written, and the line drawn again below it.
   */
  log(text: string): void {
    if (!this.enabled) {
      this.sink.write(text);
      return;
    }
    if (this.drawn) this.sink.write('\r\u001b[2K');
    this.sink.write(text);
    this.draw(this.now());
  }

  /** Clears the line so the report starts on a clean terminal. */
  finish(): void {
    if (this.drawn) this.sink.write('\r\u001b[2K');
    this.drawn = false;
  }
}
