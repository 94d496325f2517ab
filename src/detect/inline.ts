import type { LineIndex } from '../core/location.js';

/**
 * Inline ignore markers, found anywhere in a line (so any comment syntax works):
 *
 * - `keyhound:allow [rule-id ...] [-- reason]` on the finding's line (for a
 *   multi-line secret: the first line of its match, or the line before it);
 * - `keyhound:allow-next-line [rule-id ...]` on the line before;
 * - `keyhound:disable [rule-id ...]` ... `keyhound:enable [rule-id ...]` around a block
 *   (a bare `keyhound:enable` ends every open block; an unclosed block runs to the end);
 * - `gitleaks:allow` and detect-secrets' `pragma: allowlist secret` on the line,
 *   `pragma: allowlist nextline secret` on the line before, for teams moving over.
 *
 * Words after a marker that do not name a rule are its reason, so
 * `keyhound:allow test fixture` allows every rule on that line, and
 * `keyhound:allow github-pat -- fixture` only that rule.
 */
export interface InlineAllowance {
  /** 1-based line of the marker. */
  markerLine: number;
  marker: string;
}

interface Scope {
  from: number;
  to: number;
  /** Empty: every rule. */
  ids: Set<string>;
  markerLine: number;
  marker: string;
  /** A same-line marker (`keyhound:allow`, `gitleaks:allow`, `pragma: allowlist secret`). */
  sameLine?: boolean;
}

const MARKER = /keyhound:(allow-next-line|allow|disable|enable)\b|gitleaks:allow|pragma: ?allowlist (nextline )?secret/g;
const ID_TOKEN = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

/** Whether a text may hold a marker; the engine learns this from its keyword pass instead. */
export function mayHaveMarkers(text: string): boolean {
  return text.includes('keyhound:') || text.includes('gitleaks:allow') || text.includes('allowlist');
}

export class InlineMarkers {
  private readonly scopes: Scope[] = [];

  constructor(text: string, lines: LineIndex, namesRule: (word: string) => boolean) {
    const open = new Map<string, { line: number; ids: Set<string> }>();
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
      const { line } = lines.position(m.index);
      const rest = lines.lineText(line).slice(m.index + m[0].length - lines.lineBounds(line).start);
      const ids = new Set(
        rest
          .split(/\s+--|--\s/)[0]!
          .split(/[\s,]+/)
          .filter((token) => ID_TOKEN.test(token) && namesRule(token)),
      );
      const kind = m[1];
      if (kind === 'allow-next-line' || m[2]) {
        this.scopes.push({ from: line + 1, to: line + 1, ids, markerLine: line, marker: m[0] });
      } else if (kind === 'disable') {
        open.set([...ids].sort().join(','), { line, ids });
      } else if (kind === 'enable') {
        // A bare keyhound:enable ends every open block, as eslint-enable does.
        const keys = ids.size === 0 ? [...open.keys()] : [[...ids].sort().join(',')];
        for (const key of keys) {
          const start = open.get(key);
          if (!start) continue;
          this.scopes.push({ from: start.line, to: line, ids: start.ids, markerLine: start.line, marker: 'keyhound:disable' });
          open.delete(key);
        }
      } else {
        this.scopes.push({ from: line, to: line, ids, markerLine: line, marker: m[0], sameLine: true });
      }
    }
    const last = lines.position(text.length).line;
    for (const start of open.values()) {
      this.scopes.push({ from: start.line, to: last, ids: start.ids, markerLine: start.line, marker: 'keyhound:disable' });
    }
  }

  /**
   * The marker that allows a candidate, if any: one that covers the line its
   * secret starts on or the line its match starts on (a private key block's
   * BEGIN line). A multi-line secret is also covered by a same-line marker on
   * the line just before its match, where a comment can go when the block
   * itself has no room for one, unless that line holds a secret of its own
   * (`occupied`): its marker is about that secret, not the block below.
   */
  allowsCandidate(
    place: { matchLine: number; secretLine: number; multiLine: boolean },
    ruleId: string,
    occupied: (line: number) => boolean = () => false,
  ): InlineAllowance | undefined {
    const direct =
      this.allows(place.secretLine, ruleId) ?? (place.matchLine !== place.secretLine ? this.allows(place.matchLine, ruleId) : undefined);
    if (direct || !place.multiLine) return direct;
    const before = place.matchLine - 1;
    if (occupied(before)) return undefined;
    for (const scope of this.scopes) {
      if (scope.sameLine && scope.from === before && (scope.ids.size === 0 || scope.ids.has(ruleId)))
        return { markerLine: scope.markerLine, marker: scope.marker };
    }
    return undefined;
  }

  /** The marker that allows `ruleId` on `line`, if any. */
  allows(line: number, ruleId: string): InlineAllowance | undefined {
    for (const scope of this.scopes) {
      if (line >= scope.from && line <= scope.to && (scope.ids.size === 0 || scope.ids.has(ruleId))) {
        return { markerLine: scope.markerLine, marker: scope.marker };
      }
    }
    return undefined;
  }
}
