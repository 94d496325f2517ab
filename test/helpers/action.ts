import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';
import { spawnAsync } from './github-repos.js';
import { tempDir } from './tmp.js';

/** The bundled Action, as the runner starts it (action.yml: runs.main). */
export const ACTION = path.join(ROOT, 'dist', 'action', 'index.js');

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Step outputs parsed from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  summary: string;
  /** The workflow-command lines (`::error ...`) on stdout. */
  commands: string[];
}

/** Parses `name<<DELIM\nvalue\nDELIM` (and `name=value`) entries, as the runner does. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      out[heredoc[1]!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

export interface ActionSetup {
  workspace: string;
  /** `with:` inputs by their action.yml names. */
  inputs?: Record<string, string>;
  eventName: string;
  event: unknown;
  apiUrl: string;
  serverUrl?: string;
  repository?: string;
  sha?: string;
  ref?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs `node dist/action/index.js` the way the runner does: cwd is the
 * workspace, inputs arrive as `INPUT_<NAME>` variables (upper case, hyphens
 * kept), the event payload as a file, outputs and summary as files.
 */
export async function runAction(setup: ActionSetup): Promise<ActionRun> {
  const files = tempDir('keyhound-runner-');
  const eventPath = path.join(files, 'event.json');
  const outputPath = path.join(files, 'output.txt');
  const summaryPath = path.join(files, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(setup.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(setup.inputs ?? {})) inputs[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: files,
    GIT_CONFIG_NOSYSTEM: '1',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: files,
    GITHUB_WORKSPACE: setup.workspace,
    GITHUB_EVENT_NAME: setup.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_REPOSITORY: setup.repository ?? 'acme/app',
    GITHUB_SHA: setup.sha ?? 'f'.repeat(40),
    GITHUB_REF: setup.ref ?? 'refs/heads/main',
    GITHUB_API_URL: setup.apiUrl,
    GITHUB_SERVER_URL: setup.serverUrl ?? 'https://github.com',
    // The defaults action.yml declares, as the runner fills them in.
    INPUT_PATH: '.',
    INPUT_MODE: 'auto',
    'INPUT_FAIL-ON-FINDINGS': 'true',
    'INPUT_SARIF-FILE': 'keyhound.sarif',
    'INPUT_UPLOAD-SARIF': 'false',
    INPUT_COMMENT: 'false',
    INPUT_TOKEN: 'ghs_runnertoken',
    'INPUT_FILE-TIMEOUT': '30',
    'INPUT_ON-INCOMPLETE': 'fail',
    INPUT_CONFIG: '',
    INPUT_BASELINE: '',
    ...inputs,
    ...setup.env,
  };
  const result = await spawnAsync(process.execPath, [ACTION], { cwd: setup.workspace, env });
  return {
    ...result,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '',
    commands: result.stdout.split('\n').filter((line) => line.startsWith('::')),
  };
}

/** A `pull_request` event payload with GitHub's shape (the fields that matter). */
export function pullRequestEvent(options: {
  number: number;
  baseSha: string;
  headSha: string;
  repository?: string;
  headRepository?: string;
}): Record<string, unknown> {
  const repository = options.repository ?? 'acme/app';
  const headRepository = options.headRepository ?? repository;
  return {
    action: 'synchronize',
    number: options.number,
    pull_request: {
      number: options.number,
      state: 'open',
      head: { sha: options.headSha, ref: 'feature', repo: { full_name: headRepository, fork: headRepository !== repository } },
      base: { sha: options.baseSha, ref: 'main', repo: { full_name: repository, fork: false } },
    },
    repository: { full_name: repository, default_branch: 'main' },
  };
}
