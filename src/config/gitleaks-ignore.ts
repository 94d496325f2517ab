import { readFileSync } from 'node:fs';

/** One `.gitleaksignore` fingerprint: `[commit:]path:rule-id:line`. */
export interface GitleaksIgnoreEntry {
  path: string;
  ruleId: string;
  line: number;
  commit?: string;
  /** Line in the ignore file. */
  fileLine: number;
}

/**
 * Reads `.gitleaksignore`: one gitleaks fingerprint a line (`#` comments).
 * gitleaks fingerprints name a place, not content, so they are kept as
 * gitleaks means them: the finding of that rule starting on that line.
 * Lines that are not fingerprints are returned as `bad` line numbers.
 */
export function readGitleaksIgnore(file: string): { entries: GitleaksIgnoreEntry[]; bad: number[] } {
  const entries: GitleaksIgnoreEntry[] = [];
  const bad: number[] = [];
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      const parts = text.split(':');
      const line = Number(parts.pop());
      const ruleId = parts.pop();
      if (!Number.isInteger(line) || line < 1 || !ruleId || parts.length === 0) {
        bad.push(index + 1);
        return;
      }
      let commit: string | undefined;
      if (parts.length > 1 && /^[0-9a-f]{7,40}$/i.test(parts[0]!)) commit = parts.shift()!.toLowerCase();
      const path = parts.join(':').replace(/^\.\//, '');
      entries.push({ path, ruleId, line, ...(commit ? { commit } : {}), fileLine: index + 1 });
    });
  return { entries, bad };
}
