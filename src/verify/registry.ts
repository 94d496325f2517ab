import type { Finding } from '../core/types.js';
import { anthropicVerifier } from './providers/anthropic.js';
import { awsVerifier } from './providers/aws.js';
import { beyondtrustVerifier } from './providers/beyondtrust.js';
import { githubVerifier } from './providers/github.js';
import { gitlabVerifier } from './providers/gitlab.js';
import { npmVerifier } from './providers/npm.js';
import { openaiVerifier } from './providers/openai.js';
import { sendgridVerifier } from './providers/sendgrid.js';
import { slackVerifier } from './providers/slack.js';
import { stripeVerifier } from './providers/stripe.js';
import { twilioVerifier } from './providers/twilio.js';
import type { Verifier } from './types.js';

/** Every verifier, one a provider key (the rules file's stem). Add a verifier here and in its own file. */
export const VERIFIERS: readonly Verifier[] = [
  beyondtrustVerifier,
  githubVerifier,
  gitlabVerifier,
  slackVerifier,
  stripeVerifier,
  openaiVerifier,
  anthropicVerifier,
  npmVerifier,
  sendgridVerifier,
  twilioVerifier,
  awsVerifier,
] as Verifier[];

export function verifierFor(finding: Finding, verifiers: readonly Verifier[] = VERIFIERS): Verifier | undefined {
  return verifiers.find((v) => v.provider === finding.providerKey && v.appliesTo(finding));
}
