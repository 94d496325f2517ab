import yargs, { type Argv } from 'yargs';
import { KeyhoundError, UsageError } from '../core/errors.js';
import { printableLines } from '../core/printable.js';
import { version } from '../version.js';
import { baselineCommand } from './commands/baseline.js';
import { configCommand } from './commands/config.js';
import { gitCommand } from './commands/git.js';
import { githubCommand } from './commands/github.js';
import { hookCommand } from './commands/hook.js';
import { mergeCommand } from './commands/merge.js';
import { rulesCommand } from './commands/rules.js';
import { scanCommand } from './commands/scan.js';
import { stagedCommand } from './commands/staged.js';
import type { Command } from './commands/types.js';
import type { CliIO } from './io.js';
import { checkBooleanValues, redactPercentArgs, STDIN_ARG } from './options.js';

/** Every command; `keyhound <command> --help` documents each. */
export const COMMANDS: Command[] = [
  scanCommand,
  gitCommand,
  stagedCommand,
  hookCommand,
  rulesCommand,
  baselineCommand,
  configCommand,
  githubCommand,
  mergeCommand,
];

function commandName(command: Command): string {
  const first = Array.isArray(command.command) ? command.command[0]! : command.command;
  return first.split(' ')[0]!;
}

interface Parsed {
  argv?: Record<string, unknown>;
  output: string;
  error?: Error;
}

/**
 * Parses the arguments. yargs renders (and caches) the whole help text on
 * every parse that takes a callback, which costs tens of milliseconds at each
 * start-up; so only runs that may print help or the version use that form.
 * Ordinary runs parse without it and turn a failure into a usage error.
 */
async function parse(parser: Argv, args: readonly string[]): Promise<Parsed> {
  const beforeDashes = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  const printsText = beforeDashes.some((arg) => arg === '--help' || arg === '-h' || arg === '--version') || args.length === 0;
  if (printsText) {
    return new Promise<Parsed>((resolve) => {
      void parser.parse([...args], {}, (error, argv, output) => resolve({ argv: argv, output, ...(error ? { error } : {}) }));
    });
  }
  skipHelpCache(parser);
  try {
    const argv = await parser
      .fail((message, error: Error | undefined) => {
        throw error ?? new Error(message);
      })
      .parseAsync([...args]);
    return { argv: argv, output: '' };
  } catch (error) {
    return { output: '', error: error as Error };
  }
}

/**
 * yargs also renders the help text (about 20 ms) after starting any command,
 * to have it at hand should the command fail; ours print their own errors.
 * Its usage object is internal (untyped), so this holds only if it is there.
 */
function skipHelpCache(parser: Argv): void {
  const internal = parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = internal.getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

/**
 * The parsed arguments as a command reads them: what follows `--` joins the
 * command's list of inputs (`keyhound scan -- -odd-name`), and a lone `-`
 * (standard input) is refused where the command reads no standard input.
 */
function commandArgs(command: Command, argv: Record<string, unknown>): Record<string, unknown> {
  const rest = ((argv['--'] as unknown[] | undefined) ?? []).map(String);
  const out = { ...argv };
  if (rest.length > 0) {
    if (!command.rest) throw new UsageError(`${commandName(command)} takes no arguments after --`);
    out[command.rest] = [...((argv[command.rest] as string[] | undefined) ?? []), ...rest];
  }
  if (!command.stdin) {
    for (const [key, value] of Object.entries(out)) {
      if (key === '_' || key === '--') continue;
      const values = Array.isArray(value) ? value : [value];
      if (values.includes(STDIN_ARG)) {
        throw new UsageError(
          `${commandName(command)}: "-" (standard input) is not accepted here; only keyhound scan reads standard input (name a folder or file instead)`,
        );
      }
    }
  }
  return out;
}

/** A message safe to print: the internal stdin marker shown as the `-` the user typed. */
function shown(message: string): string {
  return message.split(STDIN_ARG).join('-');
}

/**
 * Runs the CLI and returns its exit code (0 nothing found, 1 findings, 2 bad
 * usage or a failed scan). It never calls process.exit; only `bin` does.
 */
export async function main(rawArgs: readonly string[], io: CliIO): Promise<number> {
  // yargs drops a lone "-" (the stdin path); carry it through as a name no file can have.
  const args = redactPercentArgs(rawArgs.map((arg) => (arg === '-' ? STDIN_ARG : arg)));
  try {
    checkBooleanValues(args);
  } catch (error) {
    io.stderr.write(`keyhound: ${(error as Error).message} (see keyhound --help)\n`);
    return 2;
  }
  let parser = yargs([...args])
    .scriptName('keyhound')
    .usage('keyhound <command> [options]\n\nFind secrets and API keys in files, git history, staged changes and pull requests.')
    .version(version())
    .help()
    .alias('h', 'help')
    .option('debug', { type: 'boolean', describe: 'Show the stack trace of an internal error (for bug reports)', global: true })
    .parserConfiguration({ 'populate--': true })
    .strict()
    .demandCommand(1, 'Name a command: keyhound scan . (or keyhound --help)')
    .recommendCommands()
    .wrap(Math.min(110, (io.stdout as { columns?: number }).columns ?? 100))
    .exitProcess(false);
  for (const command of COMMANDS) parser = parser.command(command.command, command.describe, command.builder);

  const parsed = await parse(parser, args);
  if (parsed.error) {
    io.stderr.write(
      `${parsed.output ? `${parsed.output}\n\n` : ''}keyhound: ${shown(parsed.error.message)}${parsed.output ? '' : ' (see keyhound --help)'}\n`,
    );
    return 2;
  }
  if (parsed.output) {
    // --help and --version print and stop.
    io.stdout.write(`${parsed.output}\n`);
    return 0;
  }
  const argv = parsed.argv!;
  const name = String((argv._ as unknown[])[0]);
  const command = COMMANDS.find((c) => commandName(c) === name);
  if (!command) {
    io.stderr.write(`keyhound: unknown command "${name}"; see keyhound --help\n`);
    return 2;
  }
  try {
    return await command.run(commandArgs(command, argv), io);
  } catch (error) {
    if (error instanceof KeyhoundError) {
      // Messages may name paths and refs of the scanned input: no control sequence reaches the terminal.
      io.stderr.write(`keyhound: ${printableLines(shown(error.message))}\n`);
      return error.exitCode;
    }
    // An unexpected failure: its message is ours, never matched text (errors raised while handling a match carry no content).
    const detail =
      argv.debug === true ? ((error as Error).stack ?? String(error)) : `${(error as Error).message} (run with --debug for details)`;
    io.stderr.write(`keyhound: internal error: ${printableLines(shown(detail))}\n`);
    return 2;
  }
}
