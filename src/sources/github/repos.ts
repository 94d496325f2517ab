import { UsageError } from '../../core/errors.js';
import { shardOfName, type Shard } from '../../core/shard.js';
import { apiError, isHttpError, type GitHub } from './client.js';
import type { RepositoryInfo } from './repository.js';

export type { RepositoryInfo } from './repository.js';

export type AuditKind = 'repo' | 'org' | 'user';

export interface RepositoryFilters {
  /** Include forks (their history is mostly the parent's). Default false. */
  includeForks?: boolean;
  /** Leave out archived repositories. Default false: archived code is still readable, and so are its secrets. */
  skipArchived?: boolean;
  /** Only the repositories in this shard ({@link shardOfName}), after the other filters. */
  shard?: Shard;
}

export interface RepositoryList {
  repositories: RepositoryInfo[];
  /** How many each filter left out (`otherShards`: in another shard of `--shard`). */
  excluded: { forks: number; archived: number; otherShards: number };
}

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})$/;

/** `OWNER/NAME` → parts; a clear usage error otherwise. */
export function parseRepoName(text: string): { owner: string; repo: string } {
  const match = REPO.exec(text.trim().replace(/\.git$/, ''));
  if (!match) throw new UsageError(`"${text}" is not a repository name: use OWNER/NAME (e.g. octocat/hello-world)`);
  return { owner: match[1]!, repo: match[2]! };
}

/** `OWNER/NAME#N` or a pull-request URL (`https://github.com/OWNER/NAME/pull/N`) → parts. */
export function parsePullRequest(text: string): { owner: string; repo: string; number: number } {
  const url = /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/pull\/(\d+)(?:[/?#].*)?$/.exec(text.trim());
  const short = /^([^#\s]+)#(\d+)$/.exec(text.trim());
  const parts = url ? { name: `${url[1]}/${url[2]}`, number: url[3]! } : short ? { name: short[1]!, number: short[2]! } : undefined;
  if (!parts) throw new UsageError(`"${text}" is not a pull request: use OWNER/NAME#NUMBER (e.g. octocat/hello-world#42) or its URL`);
  return { ...parseRepoName(parts.name), number: Number(parts.number) };
}

interface ApiRepository {
  full_name: string;
  clone_url: string;
  fork: boolean;
  archived?: boolean;
  private: boolean;
  size?: number;
}

function toInfo(repo: ApiRepository): RepositoryInfo {
  return {
    fullName: repo.full_name,
    cloneUrl: repo.clone_url,
    fork: repo.fork,
    archived: repo.archived === true,
    private: repo.private,
    sizeKb: repo.size ?? 0,
  };
}

/** The login the token belongs to, or undefined (no token, or an Actions/App token that has no user). */
async function tokenLogin(gh: GitHub): Promise<string | undefined> {
  try {
    return (await gh.rest.users.getAuthenticated()).data.login;
  } catch {
    return undefined;
  }
}

async function listAll(gh: GitHub, kind: 'org' | 'user', name: string): Promise<ApiRepository[]> {
  if (!OWNER.test(name)) throw new UsageError(`"${name}" is not a GitHub ${kind === 'org' ? 'organization' : 'user'} name`);
  try {
    if (kind === 'org') return (await gh.paginate(gh.rest.repos.listForOrg, { org: name, type: 'all', per_page: 100 })) as ApiRepository[];
    // /users/NAME/repos lists public repositories only; for the token's own user, /user/repos includes private ones.
    const login = await tokenLogin(gh);
    if (login && login.toLowerCase() === name.toLowerCase()) {
      return await gh.paginate(gh.rest.repos.listForAuthenticatedUser, { affiliation: 'owner', per_page: 100 });
    }
    return (await gh.paginate(gh.rest.repos.listForUser, { username: name, type: 'owner', per_page: 100 })) as ApiRepository[];
  } catch (error) {
    if (isHttpError(error, 404)) {
      throw apiError(
        error,
        `listing the repositories of ${kind === 'org' ? 'organization' : 'user'} ${name}`,
        kind === 'org' ? 'for a personal account use `keyhound github user`' : undefined,
      );
    }
    throw apiError(error, `listing the repositories of ${name}`);
  }
}

/**
 * The repositories to audit. A repository named explicitly is audited even
 * when it is a fork or archived; listings apply the filters and count what
 * each left out. Listing order is GitHub's, sorted by name for stable output.
 */
export async function listRepositories(
  gh: GitHub,
  kind: AuditKind,
  name: string,
  filters: RepositoryFilters = {},
): Promise<RepositoryList> {
  if (kind === 'repo') {
    const { owner, repo } = parseRepoName(name);
    try {
      const { data } = await gh.rest.repos.get({ owner, repo });
      return { repositories: [toInfo(data)], excluded: { forks: 0, archived: 0, otherShards: 0 } };
    } catch (error) {
      throw apiError(error, `reading repository ${owner}/${repo}`);
    }
  }
  const all = (await listAll(gh, kind, name)).map(toInfo);
  const excluded = { forks: 0, archived: 0, otherShards: 0 };
  const repositories = all.filter((repo) => {
    if (repo.fork && !filters.includeForks) {
      excluded.forks++;
      return false;
    }
    if (repo.archived && filters.skipArchived) {
      excluded.archived++;
      return false;
    }
    if (filters.shard && shardOfName(repo.fullName, filters.shard.count) !== filters.shard.index) {
      excluded.otherShards++;
      return false;
    }
    return true;
  });
  repositories.sort((a, b) => a.fullName.localeCompare(b.fullName));
  return { repositories, excluded };
}
