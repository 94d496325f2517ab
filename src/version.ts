import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TOOL_NAME, TOOL_URI, toolVersion } from './core/tool.js';

let cached: string | undefined;

/** keyhound's version: from the bundle, else from package.json two folders up (src/ and dist/ alike). */
export function version(): string {
  cached ??= toolVersion(
    () => (JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string }).version,
  );
  return cached;
}

export function toolInfo(): { name: string; version: string; informationUri: string } {
  return { name: TOOL_NAME, version: version(), informationUri: TOOL_URI };
}
