/** The shortest piece of a secret that counts as leaked (docs/hardening.md: redaction shows at most 7 characters). */
export const LEAK_PIECE = 8;

/**
 * Pieces of `LEAK_PIECE` or more characters of any secret that appear in
 * `text`, named by the secret's label: the check the never-leak tests make
 * on every output. A piece is reported once per secret, with its offset.
 */
export function pieceLeaks(text: string, secrets: Readonly<Record<string, string>>, piece = LEAK_PIECE): string[] {
  const found: string[] = [];
  for (const [label, secret] of Object.entries(secrets)) {
    for (let i = 0; i + piece <= secret.length; i++) {
      if (text.includes(secret.slice(i, i + piece))) {
        found.push(`${label}: "${secret.slice(i, i + piece)}" (at ${i} of ${secret.length})`);
        break;
      }
    }
  }
  return found;
}
