import type { Argv } from 'yargs';
import type { CliIO } from '../io.js';

/** One CLI command: its yargs shape and a `run` that returns the exit code. */
export interface Command {
  command: string | string[];
  describe: string;
  builder: (yargs: Argv) => Argv;
  run: (argv: Record<string, unknown>, io: CliIO) => Promise<number>;
}
