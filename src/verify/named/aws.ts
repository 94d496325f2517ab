import { field, inconclusive, type Http } from '../http.js';
import { signV4 } from '../sigv4.js';
import { dead, live, unknown, type NamedVerifier } from '../types.js';

const ORIGIN = 'https://sts.amazonaws.com';
const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
/** Access key ids of long-term keys; `ASIA` keys also need their session token. */
const KEY_ID = /^(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}$/;

/** The text of an XML element, for the few fields STS answers with. */
const element = (xml: string, name: string): string | undefined => new RegExp(`<${name}>([^<]{1,2048})</${name}>`).exec(xml)?.[1];

/**
 * `sts:GetCallerIdentity`, signed with SigV4 for us-east-1: it needs no
 * permission, changes nothing, and names the account and principal
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).
 * The secret must be paired with its access key id, found near it.
 */
export const awsSts: NamedVerifier<{ keyId: string; secret: string }> = {
  name: 'aws-sts',
  sends: { method: 'POST', path: '/', secret: 'signature' },
  needs: ['its access key id'],
  input(finding, context) {
    const keyId = context.related('aws-access-key-id');
    if (!keyId || !KEY_ID.test(keyId)) return unknown('no AWS access key id found near the secret');
    if (keyId.startsWith('ASIA')) return unknown('a temporary access key id (ASIA...) also needs its session token; not verified');
    return { keyId, secret: finding.secret };
  },
  async verify({ keyId, secret }, http: Http) {
    const target = new URL(http.target(ORIGIN));
    const headers = signV4(
      {
        method: 'POST',
        host: target.host,
        path: '/',
        body: BODY,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      },
      { accessKeyId: keyId, secretAccessKey: secret },
      { region: 'us-east-1', service: 'sts' },
    );
    delete headers.host; // fetch sets it, to the same value
    const answer = await http.send(ORIGIN, { method: 'POST', path: '/', headers, body: BODY });
    if (answer.kind === 'response') {
      if (answer.status === 200) {
        const arn = field(element(answer.body, 'Arn'));
        const account = field(element(answer.body, 'Account'));
        return live(`AWS accepted the key pair (HTTP 200)${arn ? ` as ${arn}` : ''}`, {
          ...(arn ? { arn } : {}),
          ...(account ? { account } : {}),
        });
      }
      const code = element(answer.body, 'Code');
      if (answer.status === 403 && code === 'InvalidClientTokenId')
        return dead(`AWS does not know access key id ${keyId} (InvalidClientTokenId)`);
      if (answer.status === 403 && code === 'SignatureDoesNotMatch')
        return dead(`the secret does not belong to access key id ${keyId} (SignatureDoesNotMatch)`);
      if (answer.status === 403 && code) return unknown(`AWS answered ${field(code)} (HTTP 403)`);
    }
    return inconclusive(answer);
  },
};
