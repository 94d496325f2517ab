/** A validator for a token format whose public specification carries a checksum. */
export interface ChecksumValidator {
  name: string;
  /** True when the secret's checksum is right. */
  validate(secret: string): boolean;
  /**
   * Whether passing `validate` proved a real checksum for this secret, not only
   * its shape (absent: never). Such a secret is a token of the format whatever
   * letters its random part happens to spell, so it skips the placeholder check.
   */
  proves?(secret: string): boolean;
  /** A valid token with this prefix, for example templates and tests. `random` returns [0, 1). */
  generate(random: () => number, prefix: string): string;
}
