import type { Verification } from '../core/types.js';

/** The three verdicts a check gives (facts only on live ones: who the key belongs to, its scopes). */
export const live = (reason: string, facts?: Record<string, string>): Verification =>
  facts && Object.keys(facts).length > 0 ? { status: 'live', reason, facts } : { status: 'live', reason };
export const dead = (reason: string): Verification => ({ status: 'dead', reason });
export const unknown = (reason: string): Verification => ({ status: 'unknown', reason });

export function isVerification(value: unknown): value is Verification {
  return typeof value === 'object' && value !== null && 'status' in value && 'reason' in value;
}
