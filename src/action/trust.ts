import path from 'node:path';
import { snapshotConfig, type ConfigSnapshot, type RevisionFiles } from '../sources/config-snapshot.js';
import type { GitHub } from '../sources/github/client.js';
import { runGit } from '../sources/github/clone.js';
import { apiRevisionFiles } from '../sources/github/revision-files.js';
import { gitRevisionFiles } from '../sources/git/revision-files.js';
import { openRepository } from '../sources/git/repo.js';
import type { ActionContext, Plan } from './context.js';
import { eventPullRequest } from './context.js';
import type { ActionInputs } from './inputs.js';

/**
 * The trust boundary of the Action (docs/hardening.md, "Trust boundary"): on
 * events whose content is under review (a pull request, a merge queue's
 * group), keyhound's configuration, rule files and baseline are read from the
 * base commit, never from the change itself. A pull request that adds
 * `allow: {paths: ['**']}` next to its secret gets the base's rules, and a
 * warning that its change to the configuration takes effect after merge.
 */
const REVIEWED_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);

/** The commit whose configuration applies, when the event puts content under review. */
export function trustedBase(plan: Plan, context: ActionContext): string | undefined {
  if (!REVIEWED_EVENTS.has(context.eventName)) return undefined;
  if (plan.kind === 'range') return plan.base;
  const pr = eventPullRequest(context);
  if (pr) return pr.baseSha;
  const group = context.event.merge_group as { base_sha?: unknown } | undefined;
  return typeof group?.base_sha === 'string' ? group.base_sha : undefined;
}

async function hasCommit(dir: string, sha: string): Promise<boolean> {
  return (await runGit(['cat-file', '-e', `${sha}^{commit}`], { cwd: dir })).code === 0;
}

/** The repository's top folder for `dir`, or undefined outside a repository. */
async function topOf(dir: string): Promise<string | undefined> {
  const result = await runGit(['rev-parse', '--show-toplevel'], { cwd: dir });
  return result.code === 0 ? path.resolve(result.stdout.trim()) : undefined;
}

export interface TrustedConfig {
  snapshot: ConfigSnapshot;
  /** The snapshot's folder standing for the scanned root. */
  root: string;
  /** Configuration files the change under review adds or modifies (they take effect after merge). */
  changed: string[];
}

export interface TrustOptions {
  inputs: ActionInputs;
  context: ActionContext;
  /** The folder the scan's paths are relative to (the scanned folder, or the repository for git scans). */
  root: string;
  base: string;
  /** The commit under review (a pull request's head, the merge commit GitHub checked out). */
  head: string;
  /** The API client, for when the base commit is not in the checkout. */
  gh: () => GitHub;
  log: (message: string) => void;
}

/**
 * Copies the base's configuration out of the repository's objects (or through
 * the contents API when the checkout lacks the base commit) and lists the
 * configuration files the change modifies. Fails, rather than scanning with a
 * configuration the change could have written, when the base cannot be read.
 */
export async function trustedConfig(options: TrustOptions): Promise<TrustedConfig> {
  const { inputs, context, root, base } = options;
  const top = (await topOf(root)) ?? root;
  const local = (await topOf(root)) !== undefined && (await hasCommit(top, base));
  const label = `base ${base.slice(0, 12)}`;
  const files: RevisionFiles = local
    ? gitRevisionFiles(await openRepository(top), base, label)
    : apiRevisionFiles(options.gh(), context.owner, context.repo, base, label);
  options.log(`configuration from the ${label} (${local ? 'local objects' : 'contents API'}), not from the change under review`);
  const inRepository = (given: string | undefined): string | undefined => {
    if (!given) return undefined;
    const relative = path.relative(top, path.resolve(context.workspace, given));
    return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
  };
  const scanned = path.relative(top, root).split(path.sep).join('/');
  const config = inRepository(inputs.config);
  const baseline = inRepository(inputs.baseline);
  const snapshot = await snapshotConfig(files, {
    folders: scanned && !scanned.startsWith('..') ? [scanned, ''] : [''],
    ...(config ? { config } : {}),
    ...(baseline ? { baseline } : {}),
  });
  return {
    snapshot,
    root: path.join(snapshot.root, scanned.startsWith('..') ? '' : scanned),
    changed: await changedConfig(options, top, local, snapshot),
  };
}

/** The watched configuration paths the change under review touches: by git when both ends are local, else by the pull request's file list. */
async function changedConfig(options: TrustOptions, top: string, local: boolean, snapshot: ConfigSnapshot): Promise<string[]> {
  const candidates = [...new Set([...snapshot.watched, ...snapshot.files])];
  const head = options.head;
  if (local && head && (await hasCommit(top, head))) {
    const result = await runGit(
      ['diff', '--name-only', '--no-renames', options.base, head, '--', ...candidates.map((p) => `:(literal)${p}`)],
      {
        cwd: top,
      },
    );
    if (result.code === 0) return result.stdout.split('\n').filter(Boolean);
  }
  const pr = eventPullRequest(options.context);
  if (!pr) return [];
  try {
    const listed = (await options.gh().paginate(options.gh().rest.pulls.listFiles, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      per_page: 100,
    })) as { filename: string }[];
    return listed.map((file) => file.filename).filter((name) => candidates.includes(name));
  } catch {
    return [];
  }
}
