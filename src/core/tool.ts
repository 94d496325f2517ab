/** The tool's identity in reports. The bundles get the version at build time; unbundled runs read package.json. */
declare const __KEYHOUND_VERSION__: string | undefined;

export const TOOL_NAME = 'keyhound';
export const TOOL_URI = 'https://github.com/keyhound/keyhound';

export function toolVersion(readPackageVersion: () => string): string {
  return typeof __KEYHOUND_VERSION__ !== 'undefined' ? __KEYHOUND_VERSION__ : readPackageVersion();
}
