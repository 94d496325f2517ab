import { generateKeyPairSync } from 'node:crypto';
import { fake } from './providers.js';
import { base62, githubToken, hex } from './tokens.js';

/** A planted secret: what must never appear in full in any output unless `--no-redact` was given. */
export interface Planted {
  /** The kind, for messages (never the secret itself). */
  kind: string;
  /** Strings that give the secret away: the secret, and any encoding of it that was planted. */
  needles: string[];
}

export interface Corpus {
  /** Files (relative path → content) holding the secrets. */
  files: Record<string, string>;
  planted: Planted[];
}

/**
 * Fake secrets of many formats, assembled now (the repository holds none):
 * GitHub tokens, an AWS key pair, BeyondTrust RS/PRA client credentials and a
 * Password Safe API key, Stripe, Slack, OpenAI, npm, GitLab, a generated RSA
 * private key, a token inside a Kubernetes Secret (base64) and an npm `_auth`
 * (base64 of user:password).
 */
export function plantCorpus(): Corpus {
  const github = githubToken();
  const githubOauth = githubToken('gho_');
  const awsId = fake.awsKeyId();
  const awsSecret = fake.awsSecret();
  const btId = fake.btClientId();
  const btSecret = fake.btSecret();
  const psKey = hex(128);
  const stripe = fake.stripeLive();
  const slack = fake.slackBot();
  const openai = fake.openai();
  const npm = githubToken('npm_');
  const gitlab = fake.gitlab();
  const inKubernetes = githubToken();
  const npmPassword = `pw-${base62(24)}`;
  const npmAuth = Buffer.from(`deploy:${npmPassword}`).toString('base64');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().trim();
  const pemBody = pem.split('\n').filter((line) => !line.startsWith('-----'));
  const kubernetesValue = Buffer.from(inKubernetes).toString('base64');

  const files: Record<string, string> = {
    'config/app.env': [
      `GITHUB_TOKEN=${github}`,
      `AWS_ACCESS_KEY_ID=${awsId}`,
      `AWS_SECRET_ACCESS_KEY=${awsSecret}`,
      'BT_API_HOST=acme.beyondtrustcloud.com',
      `BT_CLIENT_ID=${btId}`,
      `BT_CLIENT_SECRET=${btSecret}`,
      `STRIPE_SECRET_KEY=${stripe}`,
      `SLACK_BOT_TOKEN=${slack}`,
      `OPENAI_API_KEY=${openai}`,
      '',
    ].join('\n'),
    'config/passwordsafe.ps1': `$PSApiKey = "${psKey}"\n$PSHost = "https://vault.acme.example/BeyondTrust/api/public/v3"\n`,
    'scripts/deploy.sh': `#!/bin/sh\nexport NPM_TOKEN=${npm}\ncurl -H "PRIVATE-TOKEN: ${gitlab}" https://gitlab.example/api/v4/user\ngh auth login --with-token <<< "${githubOauth}"\n`,
    'keys/deploy_key.pem': `${pem}\n`,
    'k8s/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ci\ntype: Opaque\ndata:\n  github-token: ${kubernetesValue}\n`,
    '.npmrc': `registry=https://registry.npmjs.org/\n_auth=${npmAuth}\n`,
  };
  const planted: Planted[] = [
    { kind: 'GitHub personal access token', needles: [github] },
    { kind: 'GitHub OAuth token', needles: [githubOauth] },
    { kind: 'AWS access key id', needles: [awsId] },
    { kind: 'AWS secret access key', needles: [awsSecret] },
    { kind: 'BeyondTrust client id', needles: [btId] },
    { kind: 'BeyondTrust client secret', needles: [btSecret] },
    { kind: 'BeyondTrust Password Safe API key', needles: [psKey] },
    { kind: 'Stripe live key', needles: [stripe] },
    { kind: 'Slack bot token', needles: [slack] },
    { kind: 'OpenAI key', needles: [openai] },
    { kind: 'npm token', needles: [npm] },
    { kind: 'GitLab token', needles: [gitlab] },
    { kind: 'RSA private key', needles: [pem, ...pemBody.filter((line) => line.length >= 32)] },
    { kind: 'GitHub token base64-encoded in a Kubernetes Secret', needles: [inKubernetes, kubernetesValue] },
    { kind: 'npm _auth (base64 of user:password)', needles: [npmAuth, npmPassword] },
  ];
  return { files, planted };
}

/** Every needle that occurs in `text`, named by kind (never quoting the secret). */
export function leaks(text: string, planted: readonly Planted[]): string[] {
  const found: string[] = [];
  for (const item of planted) {
    item.needles.forEach((needle, index) => {
      if (text.includes(needle)) found.push(`${item.kind} (needle ${index})`);
    });
  }
  return found;
}
