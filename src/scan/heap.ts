import { setFlagsFromString } from 'node:v8';

/**
 * Tunes V8's heap for a scan, once per process, before any scanning.
 *
 * V8 learns per allocation site which objects tend to survive and then
 * allocates them straight into the old generation ("pretenuring"). A scan
 * allocates the same kinds of objects (hunks, chunks, candidates) millions of
 * times, most of which die young; once a site is pretenured, that garbage
 * fills the old generation and is freed only by full collections, which V8
 * spaces out by letting the heap grow. On `../shared/history/git-since-2022.git`
 * the history scan's heap grew to 215 MB around 73 MB of live objects (peak
 * RSS 310 MB); without pretenuring the peak is 232-262 MB and the run takes
 * no longer (docs/performance.md, "Memory").
 *
 * The young generation is capped at 8 MB a semi-space (Node's default lets
 * it grow to 16): each scanning thread keeps up to 16 MB less, and a scan's
 * short-lived objects still die young at that size (tree scans 10-16 MB
 * lower peak RSS, the same speed). Flags are process-wide, so the scanning
 * threads, started later, get both settings.
 */
export function tuneHeapForScanning(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
  setFlagsFromString('--max-semi-space-size=8');
}
