import { Engine } from '../detect/engine.js';
import { prepareScan, type ScanSetup } from '../scan/setup.js';
import type { Workflow } from './commands.js';
import type { ActionInputs } from './inputs.js';

/**
 * Config, allowlists and baseline for the Action, resolved as `keyhound scan`
 * resolves them (docs/config.md): the `config` input or a `.keyhound.yaml`
 * found at the scanned root; the `baseline` input or the config's. Relative
 * input paths are relative to the workspace. Redaction is always on: the
 * Action has no input that turns it off.
 */
export async function createEngine(
  inputs: ActionInputs,
  workspace: string,
  root: string,
  env: NodeJS.ProcessEnv,
  workflow: Workflow,
): Promise<{ engine: Engine; setup: ScanSetup }> {
  const setup = await prepareScan({
    cwd: workspace,
    env,
    root,
    ...(inputs.config ? { config: inputs.config } : {}),
    ...(inputs.baseline ? { baseline: inputs.baseline } : {}),
    redact: true,
  });
  for (const notice of setup.notices) workflow.notice(notice, 'keyhound config');
  return { engine: new Engine(setup.rules, setup.engineOptions), setup };
}
