import type { Filter } from './types.js';

/**
 * Paired credentials: a candidate may require, or be enriched by, a match near
 * it (another rule's match or an inline pattern within N lines). Named groups
 * of the first nearby match (the first that fills one, when the pattern has
 * them) are copied into the finding's context; another rule's secret goes
 * into `related`, which reports never show.
 */
/** Characters on each side of a candidate that `near` conditions search, at most. */
export const NEAR_CONTEXT = 4096;

export const nearFilter: Filter = (candidate, context) => {
  if (candidate.rule.near.length === 0) return undefined;
  const { line } = context.lines.position(candidate.secretStart);
  const { line: endLine } = context.lines.position(Math.max(candidate.secretStart, candidate.secretEnd - 1));
  const first = context.lines.position(0).line;
  const last = first + context.lines.lineCount - 1;
  for (const near of candidate.rule.near) {
    // Lines, but never more than NEAR_CONTEXT characters away: a minified line
    // holds thousands of candidates and must not be searched whole for each.
    const from = Math.max(context.lines.lineBounds(Math.max(first, line - near.lines)).start, candidate.start - NEAR_CONTEXT);
    const to = Math.min(context.lines.lineBounds(Math.min(last, endLine + near.lines)).end, candidate.end + NEAR_CONTEXT);
    const region = context.text.slice(from, to);
    near.regex.lastIndex = 0;
    let found: RegExpExecArray | null = null;
    for (let m = near.regex.exec(region); m; m = near.regex.exec(region)) {
      if (m[0].length === 0) near.regex.lastIndex++;
      // The candidate itself does not count as its own partner.
      const start = from + m.index;
      const end = start + m[0].length;
      if (start <= candidate.secretStart && end >= candidate.secretEnd) continue;
      found ??= m;
      // A match that fills a named group (the Account SID of `twilio|(?<account_sid>AC...)`) beats an earlier bare one.
      if (!m.groups || Object.values(m.groups).some((value) => value !== undefined)) {
        found = m;
        break;
      }
    }
    if (found) {
      for (const [name, value] of Object.entries(found.groups ?? {})) {
        if (value !== undefined && name !== 'secret') (candidate.context ??= {})[name] = value;
      }
      // The partner rule's secret (a client id, an access key id) is for verification only.
      if (near.spec.rule) (candidate.related ??= {})[near.spec.rule] = found.groups?.secret ?? found[0];
    } else if (near.required) {
      return { filter: 'near', reason: `no ${near.description}` };
    }
  }
  return undefined;
};
