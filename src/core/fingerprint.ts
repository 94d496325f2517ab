import { createHash } from 'node:crypto';

/**
 * A finding's identity: sha256 of the rule id and the secret. It does not
 * change when lines move or files are reformatted, and it reveals nothing about
 * the secret that brute force over a 30+ character random token could use.
 */
export function fingerprint(ruleId: string, secret: string): string {
  return createHash('sha256').update(ruleId).update('\0').update(secret).digest('hex');
}
