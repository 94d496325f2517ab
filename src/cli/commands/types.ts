import type { Argv } from 'yargs';
import type { CliIO } from '../io.js';

/** One CLI command: its yargs shape and a `run` that returns the exit code. */
export interface Command {
  command: string | string[];
  describe: string;
  builder: (yargs: Argv) => Argv;
  /** The positional list that takes the arguments after `--` (`keyhound scan -- -odd-name`). */
  rest?: string;
  /** Whether a lone `-` (standard input) is an input of this command; every other command refuses it. */
  stdin?: boolean;
  run: (argv: Record<string, unknown>, io: CliIO) => Promise<number>;
}
