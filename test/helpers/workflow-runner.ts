import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { parseOutputs } from './action.js';
import { CLI } from './cli.js';
import { spawnAsync, type SpawnResult } from './github-repos.js';
import { tempDir } from './tmp.js';
import { asText, condition, interpolate, type Status, type Value } from './workflow-expr.js';

/**
 * A simulated GitHub Actions runner for a reusable workflow
 * (`on: workflow_call`): jobs in the order their `needs` give, a matrix
 * expanded into one job each (run in parallel, each in a fresh workspace, as
 * on fresh runners), `run:` steps executed by bash as the runner does
 * (`bash --noprofile --norc -eo pipefail`), step outputs and the job summary
 * through the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and artifacts as
 * folders. The actions it knows are setup-node (Node is already here),
 * upload-artifact and download-artifact; any other `uses:` fails the run.
 * The step with id `install` (installing keyhound from npm) is replaced by
 * the checkout's own build, after checking what it would install.
 */

export interface RunnerOptions {
  workflow: string;
  inputs?: Record<string, Value>;
  secrets?: Record<string, string>;
  /** Environment every step gets (GITHUB_API_URL of the API stand-in). */
  env?: NodeJS.ProcessEnv;
  /** A job instance that dies before its steps (a lost runner): by job id and matrix value. */
  lose?: (job: string, matrix: Value | undefined) => boolean;
}

export interface StepRun {
  id?: string;
  name: string;
  result: 'success' | 'failure' | 'skipped';
  code?: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

export interface JobRun {
  job: string;
  matrix?: Value;
  result: 'success' | 'failure' | 'skipped';
  steps: StepRun[];
  outputs: Record<string, string>;
  summary: string;
}

export interface WorkflowRun {
  jobs: JobRun[];
  /** Artifacts by name: the folder that holds each one's files. */
  artifacts: Map<string, string>;
  /** The workflow's `on.workflow_call.outputs`. */
  outputs: Record<string, string>;
  /** What `install` steps asked for (`keyhound@VERSION`). */
  installs: string[];
}

interface Step {
  id?: string;
  name?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  with?: Record<string, Value>;
  env?: Record<string, Value>;
}

interface Job {
  name?: string;
  needs?: string | string[];
  if?: string | boolean;
  strategy?: { matrix?: Record<string, Value | string> };
  outputs?: Record<string, string>;
  steps: Step[];
}

interface Workflow {
  on: { workflow_call: { inputs?: Record<string, { default?: Value; required?: boolean }>; outputs?: Record<string, { value: string }> } };
  jobs: Record<string, Job>;
}

function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** Job ids in an order where each comes after what it needs. */
function order(jobs: Record<string, Job>): string[] {
  const done: string[] = [];
  const visit = (id: string, trail: string[]): void => {
    if (done.includes(id)) return;
    if (trail.includes(id)) throw new Error(`jobs need each other: ${[...trail, id].join(' -> ')}`);
    const job = jobs[id];
    if (!job) throw new Error(`job ${trail.at(-1) ?? ''} needs ${id}, which is not a job`);
    for (const need of needsOf(job)) visit(need, [...trail, id]);
    done.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, []);
  return done;
}

/** `keyhound` on PATH: the checkout's built CLI. */
function keyhoundShim(): string {
  const bin = tempDir('keyhound-runner-bin-');
  const shim = path.join(bin, 'keyhound');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(shim, 0o755);
  return bin;
}

/** bash with an empty stdin (a step reads none), not blocking the event loop: the API stand-in answers from this process. */
function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<SpawnResult> {
  return spawnAsync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export async function runWorkflow(options: RunnerOptions): Promise<WorkflowRun> {
  const workflow = parse(readFileSync(options.workflow, 'utf8')) as Workflow;
  const call = workflow.on.workflow_call;
  const inputs: Record<string, Value> = {};
  for (const [name, spec] of Object.entries(call.inputs ?? {})) {
    const given = options.inputs?.[name];
    if (given === undefined && spec.required) throw new Error(`input ${name} is required`);
    inputs[name] = given ?? spec.default ?? '';
  }
  for (const name of Object.keys(options.inputs ?? {})) if (!(name in inputs)) throw new Error(`the workflow has no input ${name}`);
  const bin = keyhoundShim();
  const store = tempDir('keyhound-runner-artifacts-');
  const run: WorkflowRun = { jobs: [], artifacts: new Map(), outputs: {}, installs: [] };
  const needs: Record<string, { result: string; outputs: Record<string, string> }> = {};

  async function step(
    spec: Step,
    job: string,
    contexts: Record<string, Value>,
    status: Status,
    workspace: string,
    summary: string,
  ): Promise<StepRun> {
    const name = spec.name ?? spec.uses ?? spec.run?.split('\n')[0] ?? '(step)';
    const out: StepRun = { ...(spec.id ? { id: spec.id } : {}), name, result: 'success', stdout: '', stderr: '', outputs: {} };
    if (!condition(spec.if, contexts, status)) return { ...out, result: 'skipped' };
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(spec.env ?? {})) env[key] = asText(interpolate(asText(value), contexts, status));
    const withs: Record<string, string> = {};
    for (const [key, value] of Object.entries(spec.with ?? {})) withs[key] = asText(interpolate(asText(value), contexts, status));
    const fail = (message: string): StepRun => ({ ...out, result: 'failure', stderr: message });
    if (spec.uses) {
      const [action] = spec.uses.split('@') as [string];
      if (action === 'actions/setup-node') return out;
      if (action === 'actions/upload-artifact') {
        const source = path.resolve(workspace, withs.path ?? '');
        if (!existsSync(source)) return withs['if-no-files-found'] === 'error' ? fail(`no files at ${withs.path}`) : out;
        if (run.artifacts.has(withs.name!)) return fail(`an artifact named ${withs.name} already exists`);
        const target = path.join(store, withs.name!);
        mkdirSync(target, { recursive: true });
        cpSync(source, statSync(source).isDirectory() ? target : path.join(target, path.basename(source)), { recursive: true });
        run.artifacts.set(withs.name!, target);
        return out;
      }
      if (action === 'actions/download-artifact') {
        const names = [...run.artifacts.keys()].filter((n) => (withs.name ? n === withs.name : minimatch(n, withs.pattern ?? '*')));
        if (withs.name && names.length === 0) return fail(`no artifact named ${withs.name}`);
        const target = path.resolve(workspace, withs.path ?? '.');
        for (const n of names)
          cpSync(run.artifacts.get(n)!, withs['merge-multiple'] === 'true' || withs.name ? target : path.join(target, n), {
            recursive: true,
          });
        return out;
      }
      return fail(`the simulated runner does not know ${spec.uses}`);
    }
    if (spec.id === 'install') {
      // Installing from npm is replaced by the build under test (`keyhound` on PATH is the shim).
      const wanted = /"keyhound@\$KEYHOUND_VERSION"/.test(spec.run ?? '')
        ? `keyhound@${env.KEYHOUND_VERSION}`
        : `(unrecognised: ${spec.run})`;
      run.installs.push(wanted);
      return out;
    }
    const files = tempDir('keyhound-runner-step-');
    const script = path.join(files, 'step.sh');
    const outputFile = path.join(files, 'output');
    writeFileSync(script, spec.run ?? '');
    writeFileSync(outputFile, '');
    const result = await bash(script, workspace, {
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      HOME: files,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_JOB: job,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: files,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summary,
      GIT_CONFIG_NOSYSTEM: '1',
      ...options.env,
      ...env,
    });
    return {
      ...out,
      result: result.code === 0 ? 'success' : 'failure',
      code: result.code,
      stdout: result.stdout,
      stderr: result.stderr,
      outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    };
  }

  async function instance(id: string, job: Job, matrix: Value | undefined, base: Record<string, Value>): Promise<JobRun> {
    const contexts: Record<string, Value> = { ...base, ...(matrix !== undefined ? { matrix } : {}), steps: {} };
    const record: JobRun = { job: id, ...(matrix !== undefined ? { matrix } : {}), result: 'success', steps: [], outputs: {}, summary: '' };
    if (options.lose?.(id, matrix)) return { ...record, result: 'failure' };
    const workspace = tempDir('keyhound-runner-workspace-');
    const summary = path.join(tempDir('keyhound-runner-summary-'), 'summary.md');
    writeFileSync(summary, '');
    const status: Status = { failed: false };
    for (const spec of job.steps) {
      const done = await step(spec, id, contexts, status, workspace, summary);
      record.steps.push(done);
      if (done.result === 'failure') status.failed = true;
      if (spec.id) (contexts.steps as Record<string, Value>)[spec.id] = { outputs: done.outputs, outcome: done.result };
    }
    record.result = status.failed ? 'failure' : 'success';
    for (const [key, value] of Object.entries(job.outputs ?? {})) record.outputs[key] = asText(interpolate(value, contexts));
    record.summary = readFileSync(summary, 'utf8');
    return record;
  }

  for (const id of order(workflow.jobs)) {
    const job = workflow.jobs[id]!;
    const base: Record<string, Value> = { inputs, secrets: options.secrets ?? {}, needs, github: { event_name: 'workflow_call' } };
    const upstreamFailed = needsOf(job).some((n) => needs[n]!.result !== 'success');
    if (!condition(job.if, base, { failed: upstreamFailed })) {
      needs[id] = { result: 'skipped', outputs: {} };
      run.jobs.push({ job: id, result: 'skipped', steps: [], outputs: {}, summary: '' });
      continue;
    }
    const matrixSpec = job.strategy?.matrix;
    let instances: JobRun[];
    if (matrixSpec) {
      const keys = Object.keys(matrixSpec);
      if (keys.length !== 1) throw new Error(`job ${id}: the simulated runner expands a matrix of one key, not ${keys.join(', ')}`);
      const key = keys[0]!;
      const values = interpolate(asText(matrixSpec[key]!), base);
      const list = typeof values === 'string' ? (JSON.parse(values) as Value[]) : values;
      if (!Array.isArray(list) || list.length === 0) throw new Error(`job ${id}: matrix ${key} is not a list: ${JSON.stringify(list)}`);
      instances = await Promise.all(list.map((value) => instance(id, job, { [key]: value }, base)));
    } else instances = [await instance(id, job, undefined, base)];
    run.jobs.push(...instances);
    needs[id] = {
      result: instances.every((j) => j.result === 'success') ? 'success' : 'failure',
      outputs: Object.assign({}, ...instances.map((j) => j.outputs)) as Record<string, string>,
    };
  }
  const contexts: Record<string, Value> = { jobs: needs };
  for (const [key, spec] of Object.entries(call.outputs ?? {})) run.outputs[key] = asText(interpolate(spec.value, contexts));
  return run;
}

/** Every file of every artifact, by `artifact/relative path`. */
export function artifactFiles(run: WorkflowRun): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, dir] of run.artifacts) for (const file of filesUnder(dir)) out.set(`${name}/${path.relative(dir, file)}`, file);
  return out;
}
