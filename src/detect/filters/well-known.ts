/**
 * Values that are published as examples and are never live: specification
 * samples, vendors' documentation examples, and public keys that vendors put
 * in their SDKs on purpose. Libraries, API references and versioned docs copy
 * them by the thousand, where they look like keys to every rule that reads
 * `token = ...`; they open nothing. Every entry names where it is published.
 *
 * Matched whole and case-sensitively (docs/detection.md, "Well-known values"):
 * a key that merely contains one of them is still a key. Values that other
 * scanners' push protection would stop are written in two pieces.
 */
export interface WellKnownValue {
  value: string;
  /** What it is, for `--explain`: "RFC 6455 sample WebSocket key". */
  what: string;
  /** The public page that prints it. */
  source: string;
}

const RFC6749 = 'https://www.rfc-editor.org/rfc/rfc6749';
const RFC6750 = 'https://www.rfc-editor.org/rfc/rfc6750';
const RFC5849 = 'https://www.rfc-editor.org/rfc/rfc5849';
const DOCKER_ENGINE_API = 'https://docs.docker.com/reference/api/engine/';
const DOCKER_SWARM_LOCK = 'https://docs.docker.com/engine/swarm/swarm_manager_locking/';
const DOCKER_UNLOCK_KEY = 'https://docs.docker.com/reference/cli/docker/swarm/unlock-key/';
const AWS_KEYS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';
const STRIPE_KEYS = 'https://docs.stripe.com/api/authentication';

export const WELL_KNOWN: readonly WellKnownValue[] = [
  // OAuth 2.0 (RFC 6749) and bearer tokens (RFC 6750).
  { value: '2YotnFZFEjr1zCsicMWpAA', what: 'RFC 6749 example access token', source: RFC6749 },
  { value: 'tGzv3JOkF0XG5Qx2TlKWIA', what: 'RFC 6749 example refresh token', source: RFC6749 },
  { value: 'SplxlOBeZQQYbYS6WxSbIA', what: 'RFC 6749 example authorization code', source: RFC6749 },
  { value: '7Fjfp0ZBr1KtDRbnfVdmIw', what: 'RFC 6749 example client secret', source: RFC6749 },
  { value: 'gX1fBat3bV', what: 'RFC 6749 example client password', source: RFC6749 },
  { value: 'czZCaGRSa3F0MzpnWDFmQmF0M2JW', what: 'RFC 6749 example client credentials (s6BhdRkqt3:gX1fBat3bV)', source: RFC6749 },
  { value: 'mF_9.B5f-4.1JqM', what: 'RFC 6750 example bearer token', source: RFC6750 },
  // OAuth 1.0 (RFC 5849, and OAuth Core 1.0 before it).
  { value: 'dpf43f3p2l4k3l03', what: 'RFC 5849 example client identifier', source: RFC5849 },
  { value: 'kd94hf93k423kf44', what: 'RFC 5849 example client secret', source: RFC5849 },
  { value: 'hh5s93j4hdidpola', what: 'RFC 5849 example temporary credentials', source: RFC5849 },
  { value: 'hdhd0244k9j7ao03', what: 'RFC 5849 example temporary credentials secret', source: RFC5849 },
  { value: 'hfdp7dh39dks9884', what: 'RFC 5849 example verifier', source: RFC5849 },
  { value: 'nnch734d00sl2jdk', what: 'RFC 5849 example token', source: RFC5849 },
  { value: 'pfkkdhi9sl3r4s00', what: 'RFC 5849 example token secret', source: RFC5849 },
  { value: '9djdj82h48djs9d2', what: 'RFC 5849 example client identifier', source: RFC5849 },
  { value: 'j49sk3j29djd', what: 'RFC 5849 example client secret', source: RFC5849 },
  { value: 'kkk9d7dh3k39sjv7', what: 'RFC 5849 example token', source: RFC5849 },
  { value: 'dh893hdasih9', what: 'RFC 5849 example token secret', source: RFC5849 },
  { value: 'j49sk3j29djd&dh893hdasih9', what: 'RFC 5849 example signing key', source: RFC5849 },
  { value: '0685bd9184jfhq22', what: 'RFC 5849 example client identifier', source: RFC5849 },
  { value: 'ad180jjd733klru7', what: 'RFC 5849 example token', source: RFC5849 },
  // WebSocket handshake (RFC 6455 section 1.3): a nonce and its hash, not secrets anywhere.
  {
    value: 'dGhlIHNhbXBsZSBub25jZQ==',
    what: 'RFC 6455 sample Sec-WebSocket-Key nonce',
    source: 'https://www.rfc-editor.org/rfc/rfc6455#section-1.3',
  },
  {
    value: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=',
    what: 'RFC 6455 sample Sec-WebSocket-Accept',
    source: 'https://www.rfc-editor.org/rfc/rfc6455#section-1.3',
  },
  // HTTP Basic (RFC 7617 section 2): Aladdin:open sesame.
  {
    value: 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
    what: 'RFC 7617 example Basic credentials (Aladdin:open sesame)',
    source: 'https://www.rfc-editor.org/rfc/rfc7617#section-2',
  },
  // PKCE (RFC 7636 appendix B).
  {
    value: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    what: 'RFC 7636 example code verifier',
    source: 'https://www.rfc-editor.org/rfc/rfc7636#appendix-B',
  },
  {
    value: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    what: 'RFC 7636 example code challenge',
    source: 'https://www.rfc-editor.org/rfc/rfc7636#appendix-B',
  },
  // The JWT that jwt.io shows by default (HS256, "John Doe"); tutorials everywhere copy it.
  {
    value:
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    what: "jwt.io's example JWT",
    source: 'https://jwt.io/',
  },
  // AWS documentation.
  { value: 'AKIA' + 'IOSFODNN7EXAMPLE', what: "AWS documentation's example access key ID", source: AWS_KEYS },
  { value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY', what: "AWS documentation's example secret access key", source: AWS_KEYS },
  {
    value: 'AKIA' + 'I44QH8DHBEXAMPLE',
    what: "AWS documentation's second example access key ID",
    source: 'https://docs.aws.amazon.com/general/latest/gr/create-signed-request.html',
  },
  {
    value: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvb' + 'EXAMPLEKEY',
    what: "AWS documentation's second example secret access key",
    source: 'https://docs.aws.amazon.com/general/latest/gr/create-signed-request.html',
  },
  // Stripe's API reference prints these test-mode keys for every reader.
  { value: 'sk_' + 'test_4eC39HqLyjWDarjtT1zdp7dc', what: "Stripe's documented sample test secret key", source: STRIPE_KEYS },
  { value: 'pk_' + 'test_TYooMQauvdEDq54NiTphI7jx', what: "Stripe's documented sample test publishable key", source: STRIPE_KEYS },
  // Docker: the Engine API's X-Registry-Config example and the swarm examples in the API and CLI references.
  { value: 'conta1n3rize14', what: "Docker Engine API documentation's example registry password", source: DOCKER_ENGINE_API },
  {
    value: 'SWMTKN-1-' + '3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx',
    what: "Docker documentation's example swarm worker join token",
    source: DOCKER_ENGINE_API,
  },
  {
    value: 'SWMTKN-1-' + '3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-7p73s1dx5in4tatdymyhg9hu2',
    what: "Docker documentation's example swarm manager join token",
    source: DOCKER_ENGINE_API,
  },
  {
    value: 'SWMTKN-1-' + '0j52ln6hxjpxk2wgk917abcnxywj3xed0y8vi1e5m9t3uttrtu-7bnxvvlz2mrcpfonjuztmtts9',
    what: "Docker documentation's example swarm join token",
    source: DOCKER_SWARM_LOCK,
  },
  {
    value: 'SWMKEY-1-' + '7c37Cc8654o6p38HnroywCi19pllOnGtbdZEgtKxZu8',
    what: "Docker documentation's example swarm unlock key",
    source: DOCKER_ENGINE_API,
  },
  {
    value: 'SWMKEY-1-' + 'fySn8TY4w5lKcWcJPIpKufejh9hxx5KYwx6XZigx3Q4',
    what: "Docker documentation's example swarm unlock key",
    source: DOCKER_UNLOCK_KEY,
  },
  {
    value: 'SWMKEY-1-' + 'WuYH/IX284+lRcXuoVf38viIDK3HJEKY13MIHX+tTt8',
    what: "Docker documentation's example swarm unlock key",
    source: DOCKER_SWARM_LOCK,
  },
  // Public keys shipped in SDKs on purpose.
  {
    value: 'BDOU99-h67HcA6JeFXHbSNMu7e2yNNu3RzoMj8TM4W88jITfq7ZmPvIM1Iv-4_l2LxQcYwhqby2xGpWwzjfAnG4',
    what: "Firebase Cloud Messaging's default VAPID public key, shipped in the Firebase JS SDK",
    source: 'https://github.com/firebase/firebase-js-sdk/blob/main/packages/messaging/src/util/constants.ts',
  },
];

const BY_VALUE: ReadonlyMap<string, WellKnownValue> = new Map(WELL_KNOWN.map((entry) => [entry.value, entry]));

/** The published example `secret` is, if it is one. */
export function wellKnownValue(secret: string): WellKnownValue | undefined {
  return BY_VALUE.get(secret);
}
