import { describeIncomplete } from '../core/completeness.js';
import { printable } from '../core/printable.js';
import { hiddenSentence } from './confidence.js';
import type { SecretGroup } from './group.js';
import { wrap, type Paint } from './text-paint.js';
import { incompleteOf, type Report } from './types.js';

/** A rule with this many secrets in the report has its fix said once, under "How to fix", not under each. */
export const FIX_ONCE_FROM = 3;

/** Rules whose fix is said once at the end, with how many secrets each has. */
export function rulesFixedOnce(groups: readonly SecretGroup[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const group of groups) counts.set(group.first.ruleId, (counts.get(group.first.ruleId) ?? 0) + 1);
  return new Map([...counts].filter(([, n]) => n >= FIX_ONCE_FROM));
}

/** The fix of each rule that repeats, once: the whole remediation, as every entry would have said it. */
export function fixSummary(groups: readonly SecretGroup[], once: ReadonlyMap<string, number>, paint: Paint): string | undefined {
  if (once.size === 0) return undefined;
  const lines = [paint('bold', 'How to fix, once per rule:')];
  const said = new Set<string>();
  for (const { first } of groups) {
    if (!once.has(first.ruleId) || said.has(first.ruleId)) continue;
    said.add(first.ruleId);
    lines.push(paint('gray', `  [${first.ruleId}] ${once.get(first.ruleId)} secrets:`), `    ${wrap(first.remediation, 100, 4)}`);
  }
  return lines.join('\n');
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

/** The closing lines: how many secrets, where, what was skipped, hidden, or not scanned. */
export function summary(report: Report, groups: readonly SecretGroup[], paint: Paint): string {
  const { stats, findings } = report;
  const count = groups.length;
  const places = findings.length > count ? ` at ${findings.length} places` : '';
  const head = count === 0 ? paint('bold', 'No secrets found') : paint('red', `${count} secret${count === 1 ? '' : 's'} found${places}`);
  const skipped = Object.entries(stats.skipped)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  const skippedText = skipped.length > 0 ? `; skipped ${skipped.map(([reason, n]) => `${n} ${reason}`).join(', ')}` : '';
  const lines = [
    `${head} in ${stats.files} file${stats.files === 1 ? '' : 's'} (${formatBytes(stats.bytes)}) in ${(stats.durationMs / 1000).toFixed(2)} s${skippedText}.`,
  ];
  const hidden = hiddenSentence(stats, '--min-confidence low');
  if (hidden) lines.push(paint('gray', hidden));
  const incomplete = incompleteOf(stats);
  // Said under the summary, in every report that has findings or not: a clean result is not a clean bill.
  if (incomplete)
    lines.push(
      paint(
        'yellow',
        `Incomplete: ${describeIncomplete(incomplete, printable)}. What was scanned is reported; nothing can be said of the rest.`,
      ),
    );
  for (const f of report.failed ?? []) lines.push(`  ${paint('yellow', 'failed:')} ${printable(f.input)}: ${printable(f.reason)}`);
  return lines.join('\n');
}
