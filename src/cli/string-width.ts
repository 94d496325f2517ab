/**
 * yargs' help layout measures text with the `string-width` package, which
 * builds Unicode property regular expressions and an `Intl.Segmenter` when
 * it is loaded: 12 ms of every start of the CLI (a twentieth of a pre-commit
 * run), for help and usage text that most runs never print. The bundles alias
 * `string-width` here (scripts/build.mjs), and the package loads on the first
 * measurement: esbuild turns this `require` into a call that runs the
 * module's top level only then.
 */
type Width = (text: string, options?: object) => number;

let width: Width | undefined;

export default function stringWidth(text: string, options?: object): number {
  // A path, which the alias does not apply to (the package is a devDependency, so it sits at the top of node_modules).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the require is what defers the module's top level
  width ??= (require('../../node_modules/string-width/index.js') as { default: Width }).default;
  return width(text, options);
}
