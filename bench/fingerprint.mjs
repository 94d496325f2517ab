// `node bench/fingerprint.mjs [--guesses 2000] [--threads 4]` (after `npm run build`):
// what one guess against a keyhound fingerprint or baseline hash costs, next to
// the v1 hashes, measured in the same run (compare ratios, not absolute times).
//
// An attacker who has a report (SARIF partialFingerprints, JSON `fingerprint`)
// or a committed baseline tests a guessed secret by hashing it as keyhound does.
// v1: one sha256 (fingerprint) or one HMAC (baseline). v2: one scrypt each.
// With KEYHOUND_FINGERPRINT_KEY the result is an HMAC under a key the attacker
// does not have, so no guess can be tested at all; the rows "with a key" are
// what keyhound itself pays (and what a guess would cost if the key leaked).
import { createHash, createHmac, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './measure.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const guesses = option('--guesses', 2000);
const lib = await import(pathToFileURL(path.join(ROOT, 'dist', 'lib', 'index.js')).href);
const { fingerprint, FingerprintKey, FINGERPRINT_VERSION } = lib;
const key = new FingerprintKey(randomBytes(32).toString('hex'));
const salt = randomBytes(16).toString('hex');
const words = Array.from({ length: guesses }, (_, i) => `Summer${2000 + (i % 100)}!${i}`);

/**
 * CPU milliseconds per guess, best of three passes over every word. CPU time,
 * not wall time: on a shared machine wall time swings with others' load, and
 * everything here runs on this one thread.
 */
function perGuess(hash) {
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const started = process.cpuUsage();
    for (const word of words) hash(word);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000 / words.length);
  }
  return best;
}

const rows = [
  ['v1 fingerprint: sha256(rule, secret)', (w) => createHash('sha256').update('generic-password').update('\0').update(w).digest('hex')],
  ['v1 baseline: HMAC-SHA256(salt, secret)', (w) => createHmac('sha256', salt).update(w).digest('hex')],
  [`${FINGERPRINT_VERSION} fingerprint, no key`, (w) => fingerprint('generic-password', w)],
  [`${FINGERPRINT_VERSION} fingerprint, with a key (keyhound's cost)`, (w) => fingerprint('generic-password', w, key)],
];
console.log(
  `machine: ${os.availableParallelism()} cores, node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`${guesses} guesses, one thread, CPU time, best of 3\n`);
const v1 = perGuess(rows[0][1]);
for (const [name, hash] of rows) {
  const ms = name === rows[0][0] ? v1 : perGuess(hash);
  console.log(
    `${name.padEnd(56)} ${ms.toFixed(4).padStart(9)} ms/guess  ${(ms / v1).toFixed(0).padStart(6)}x v1  ${Math.round(1000 / ms)
      .toLocaleString('en')
      .padStart(10)} guesses/s`,
  );
}
console.log('\nwith a key: no guess can be tested without it (HMAC-SHA256 under 256 random bits).');
