import { parseEndpoints } from '../verify/endpoints.js';
import type { Workflow } from '../report/github/workflow.js';
import type { ScanSetup } from '../scan/setup.js';
import type { Step } from '../scan/steps.js';
import { verifyStep } from '../scan/verify.js';
import { version } from '../version.js';
import { parseAllowedHost } from '../verify/hosts.js';
import { parseExtraArgs } from './args.js';
import type { ActionInputs } from './inputs.js';

/**
 * With `verify: true`, the verification step of `keyhound scan --verify`
 * (docs/verification.md): each finding is checked with its provider and
 * marked live, dead or unknown. Every finding stays reported; `only-verified`
 * changes only what fails the step.
 */
export function verificationSteps(inputs: ActionInputs, setup: ScanSetup, workflow: Workflow): Step[] {
  const extra = parseExtraArgs(inputs.args ?? '');
  if (!inputs.verify) return [];
  return [
    verifyStep({
      hosts: extra.verifyHosts.map(parseAllowedHost),
      endpoints: parseEndpoints(extra.verifyEndpoints, setup.rules),
      timeoutMs: Math.round((extra.verifyTimeout ?? 10) * 1000),
      userAgent: `keyhound/${version()} (secret verification)`,
      rules: setup.rules,
      onDone: (checked, summary) =>
        workflow.info(
          `keyhound: verified ${checked} secret${checked === 1 ? '' : 's'}: ${summary.live} live, ${summary.dead} dead, ${summary.unknown} unknown`,
        ),
    }),
  ];
}
