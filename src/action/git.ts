import type { Engine } from '../detect/engine.js';
import type { ScanReport } from '../scan/collector.js';

// Integration point with the git history/range scanner (src/scan/git.ts, in progress elsewhere).
export async function scanGitRange(_engine: Engine, _repo: string, _base: string, _head: string): Promise<ScanReport> {
  throw new Error('git range scanning is not available yet');
}

export async function scanGitHistory(_engine: Engine, _repo: string): Promise<ScanReport> {
  throw new Error('git history scanning is not available yet');
}
