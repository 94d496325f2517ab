import { UsageError } from '../core/errors.js';

/** What the `args` input may set: the options of `keyhound scan` that make sense in the Action and have no input of their own. */
export interface ExtraArgs {
  /** `--verify-host H` (repeatable). */
  verifyHosts: string[];
  /** `--verify-endpoint PROVIDER=URL` (repeatable). */
  verifyEndpoints: string[];
  /** `--verify-timeout S`. */
  verifyTimeout?: number;
}

const ALLOWED = ['--verify-host', '--verify-endpoint', '--verify-timeout'] as const;

/**
 * Parses the `args` input: words separated by white space, each option as
 * `--name value` or `--name=value`. Anything else is an input error that
 * lists what is allowed: an unknown word must not be dropped silently, and
 * options that would turn redaction off or change what is scanned have
 * inputs of their own (or are not offered).
 */
export function parseExtraArgs(text: string): ExtraArgs {
  const words = text.split(/\s+/).filter(Boolean);
  const out: ExtraArgs = { verifyHosts: [], verifyEndpoints: [] };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(0, eq) : word;
    if (!(ALLOWED as readonly string[]).includes(name))
      throw new UsageError(
        `input "args": "${word}" is not allowed; the Action takes ${ALLOWED.join(', ')} (the rest have inputs of their own)`,
      );
    const value = eq > 0 ? word.slice(eq + 1) : words[++i];
    if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`input "args": ${name} needs a value`);
    if (name === '--verify-host') out.verifyHosts.push(value);
    else if (name === '--verify-endpoint') out.verifyEndpoints.push(value);
    else {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds <= 0)
        throw new UsageError(`input "args": --verify-timeout needs a number of seconds, not "${value}"`);
      out.verifyTimeout = seconds;
    }
  }
  return out;
}
