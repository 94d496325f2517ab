import { setFlagsFromString } from 'node:v8';

/**
 * Tunes V8's optimizing compiler for a scan, once per process, before any
 * scanning.
 *
 * A tree scan is short (about a second on 50 MB of source) and runs a few
 * hundred functions hot, so the optimizing compiler's own work is a large
 * share of it: on git's sources one thread spent about 1.1 s of compile time
 * on a background thread (`--trace-opt`), most of it on functions inlined
 * into the big loops and compiled again after each deoptimization. On two
 * cores that background thread takes the second core, and every scanning
 * thread compiles the same functions again, so a second thread made a tree
 * scan slower, not faster. Without inlining, and with functions optimized
 * only after running twice as long as V8's default, the compile jobs shrink
 * from 1.1 to 0.4 s and a two-thread scan's CPU time by 8-13%, while the
 * compiled code runs about as fast: a history scan of 20 s takes as long as
 * before (docs/performance.md, "Two threads, not slower than one"). Flags
 * are process-wide, so the scanning threads, started later, get them too.
 */
export function tuneCompilerForScanning(): void {
  setFlagsFromString('--no-turbo-inlining');
  setFlagsFromString('--interrupt-budget=135168');
}
