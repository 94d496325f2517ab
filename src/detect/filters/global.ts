import type { AllowRegex } from '../../core/types.js';
import { allowSubject } from './allow.js';
import type { Filter } from './types.js';

/** Project-wide allowances (from the config file): regexes and stop-words that clear any rule's candidate. */
export interface GlobalAllow {
  regexes?: (AllowRegex & { origin?: string })[];
  /** Case-insensitive words; a secret containing one is dropped. */
  stopwords?: string[];
  stopwordsOrigin?: string;
}

export function globalAllowFilter(allow: GlobalAllow): Filter {
  const regexes = (allow.regexes ?? []).map((entry) => ({ ...entry, compiled: new RegExp(entry.regex), target: entry.target ?? 'secret' }));
  const stopwords = (allow.stopwords ?? []).map((word) => word.toLowerCase());
  return (candidate, context) => {
    for (const entry of regexes) {
      if (entry.compiled.test(allowSubject(entry.target, candidate, context))) {
        return { filter: 'allow', reason: `allow regex /${entry.regex}/ on ${entry.target}${entry.origin ? ` from ${entry.origin}` : ''}` };
      }
    }
    if (stopwords.length > 0) {
      const lower = candidate.secret.toLowerCase();
      const word = stopwords.find((w) => lower.includes(w));
      if (word) return { filter: 'stopword', reason: `stop-word "${word}"${allow.stopwordsOrigin ? ` from ${allow.stopwordsOrigin}` : ''}` };
    }
    return undefined;
  };
}
