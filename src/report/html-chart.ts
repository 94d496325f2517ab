import type { ReportedFinding } from './reported.js';
import { escapeHtml } from './html-data.js';

/**
 * The HTML report's charts: findings by provider and by severity, as inline
 * SVG drawn here (no library, nothing fetched). Each bar names its filter
 * (`data-filter`, `data-value`); the page's script makes a click on it set
 * that filter.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** Providers shown by name; the rest share one bar. */
const TOP_PROVIDERS = 12;
const ROW = 22;
const LABEL = 170;
const BAR = 230;

interface Bar {
  label: string;
  count: number;
  /** CSS class of the bar (`sev-high`, `provider`). */
  kind: string;
  filter?: { name: string; value: string };
}

function shortLabel(label: string): string {
  return label.length > 26 ? `${label.slice(0, 25)}…` : label;
}

function barChart(title: string, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const height = Math.max(1, bars.length) * ROW + 4;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 2;
    const width = bar.count === 0 ? 0 : Math.max(2, Math.round((bar.count / max) * BAR));
    const target = bar.filter
      ? ` class="bar" tabindex="0" role="button" data-filter="${escapeHtml(bar.filter.name)}" data-value="${escapeHtml(bar.filter.value)}"`
      : ' class="bar"';
    return (
      `<g${target}><title>${escapeHtml(`${bar.label}: ${bar.count}`)}</title>` +
      `<text x="${LABEL - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(shortLabel(bar.label))}</text>` +
      `<rect class="${bar.kind}" x="${LABEL}" y="${y + 3}" width="${width}" height="${ROW - 6}" rx="2"></rect>` +
      `<text x="${LABEL + width + 6}" y="${y + 15}">${bar.count}</text></g>`
    );
  });
  return (
    `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${LABEL + BAR + 50} ${height}" role="img" aria-label="${escapeHtml(title)}">` +
    `${rows.join('')}</svg></figure>`
  );
}

/** Both charts, or nothing when there are no findings. */
export function charts(findings: readonly ReportedFinding[]): string {
  if (findings.length === 0) return '';
  const byProvider = new Map<string, number>();
  for (const f of findings) byProvider.set(f.provider || '(none)', (byProvider.get(f.provider || '(none)') ?? 0) + 1);
  const ranked = [...byProvider].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  const providers: Bar[] = ranked.slice(0, TOP_PROVIDERS).map(([label, count]) => ({
    label,
    count,
    kind: 'provider',
    filter: { name: 'provider', value: label },
  }));
  const rest = ranked.slice(TOP_PROVIDERS);
  if (rest.length > 0)
    providers.push({ label: `${rest.length} other providers`, count: rest.reduce((sum, [, n]) => sum + n, 0), kind: 'provider other' });
  const severities: Bar[] = SEVERITIES.map((severity) => ({
    label: severity,
    count: findings.filter((f) => f.severity === severity).length,
    kind: `sev-${severity}`,
    filter: { name: 'severity', value: severity },
  }));
  return `<div class="charts">${barChart('Findings by provider', providers)}${barChart('Findings by severity', severities)}</div>`;
}
