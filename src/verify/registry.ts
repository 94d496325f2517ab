import { alibabaSts } from './named/alibaba.js';
import { awsSts } from './named/aws.js';
import { beyondtrustOauth } from './named/beyondtrust.js';
import { githubUser } from './named/github.js';
import { gitlabToken } from './named/gitlab.js';
import { twilioAccount } from './named/twilio.js';
import type { NamedVerifier } from './types.js';

/**
 * The verifiers written in TypeScript, by the name rules give in `verify: { use: NAME }`.
 * Each is listed in core/verify-spec.ts NAMED_VERIFIERS too (the loader refuses
 * other names); a test keeps the two lists equal.
 */
export const NAMED: ReadonlyMap<string, NamedVerifier> = new Map(
  ([alibabaSts, awsSts, beyondtrustOauth, githubUser, gitlabToken, twilioAccount] as NamedVerifier[]).map((v) => [v.name, v]),
);
