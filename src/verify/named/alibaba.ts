import { randomUUID } from 'node:crypto';
import { signRpcQuery } from '../alibaba-sign.js';
import { field, inconclusive, json, type Http } from '../http.js';
import { dead, live, unknown, type NamedVerifier } from '../types.js';

const ORIGIN = 'https://sts.aliyuncs.com';
const KEY_ID = /^LTAI[A-Za-z0-9]{12,22}$/;

/**
 * `sts:GetCallerIdentity` (https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-getcalleridentity),
 * signed with the RPC signature: it needs no permission, changes nothing and
 * names the account and principal. The secret never travels; only its
 * signature does. It must be paired with its AccessKey id (`LTAI...`), found near it.
 */
export const alibabaSts: NamedVerifier<{ keyId: string; secret: string }> = {
  name: 'alibaba-sts',
  sends: { method: 'GET', path: '/?{query}', secret: 'signature' },
  needs: ['its AccessKey id'],
  input(finding, context) {
    const keyId = context.related('alibaba-access-key-id');
    if (!keyId || !KEY_ID.test(keyId)) return unknown('no Alibaba Cloud AccessKey id (LTAI...) found near the secret');
    return { keyId, secret: finding.secret };
  },
  async verify({ keyId, secret }, http: Http) {
    const query = signRpcQuery(
      'GET',
      {
        Action: 'GetCallerIdentity',
        Version: '2015-04-01',
        Format: 'JSON',
        AccessKeyId: keyId,
        SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0',
        SignatureNonce: randomUUID(),
        Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
      secret,
    );
    const answer = await http.send(ORIGIN, { method: 'GET', path: `/?${query}` });
    if (answer.kind === 'response') {
      const body = json(answer);
      const code = field(body?.Code);
      if (answer.status === 200 && body?.AccountId !== undefined) {
        const arn = field(body.Arn);
        const account = field(body.AccountId);
        return live(`Alibaba Cloud accepted the AccessKey pair (HTTP 200)${arn ? ` as ${arn}` : ''}`, {
          ...(arn ? { arn } : {}),
          ...(account ? { account } : {}),
        });
      }
      if (code === 'InvalidAccessKeyId.NotFound') return dead(`Alibaba Cloud does not know AccessKey id ${keyId} (${code})`);
      if (code === 'InvalidAccessKeyId.Inactive') return dead(`AccessKey id ${keyId} is disabled (${code})`);
      if (code === 'SignatureDoesNotMatch') return dead(`the secret does not belong to AccessKey id ${keyId} (${code})`);
      if (code) return unknown(`Alibaba Cloud answered ${code} (HTTP ${answer.status})`);
    }
    return inconclusive(answer);
  },
};
