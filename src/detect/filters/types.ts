import type { CompiledRule } from '../compile.js';
import type { Chunk } from '../../core/types.js';
import type { LineIndex } from '../../core/location.js';

/** A regex match of one rule before any filter ran. */
export interface Candidate {
  rule: CompiledRule;
  /** Offsets of the whole match in the chunk text. */
  start: number;
  end: number;
  /** Offsets of the secret group. */
  secretStart: number;
  secretEnd: number;
  secret: string;
  match: string;
  entropy: number;
  /** Filled by the near filter from named groups of `near` patterns. */
  context?: Record<string, string>;
  /** Paired values for verification, never reported: see `Finding.related`. */
  related?: Record<string, string>;
}

export interface FilterContext {
  chunk: Chunk;
  text: string;
  lines: LineIndex;
}

/** Why a filter dropped a candidate, in words a user can act on. */
export interface Drop {
  filter: string;
  reason: string;
}

export type Filter = (candidate: Candidate, context: FilterContext) => Drop | undefined;
