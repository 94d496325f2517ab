import type { RuleSpec } from '../../src/core/types.js';
import { NAMED_VERIFIERS } from '../../src/core/verify-spec.js';
import { NAMED } from '../../src/verify/registry.js';
import { verifiesRule } from '../../src/verify/rules.js';

/**
 * The generated parts of docs/verification.md: which rules verify (by
 * category, with the request each sends) and which do not, and why. The
 * test in docs.test.ts keeps the document equal to this; run it with
 * KEYHOUND_UPDATE_DOCS=1 to rewrite the generated parts.
 */

const CATEGORIES: [string, string[]][] = [
  [
    'Cloud and infrastructure',
    [
      'aws',
      'alibaba',
      'azure',
      'azure-devops',
      'digitalocean',
      'linode',
      'vultr',
      'heroku',
      'hetzner',
      'cloudflare',
      'netlify',
      'vercel',
      'render',
      'ibm-cloud',
      'aiven',
      'neon',
      'supabase',
      'terraform-cloud',
      'pulumi',
      'fastly',
      'scalingo',
      'databricks',
      'yandex',
      'meraki',
      'zerotier',
      'upstash',
    ],
  ],
  [
    'Source hosting, CI/CD and developer tools',
    [
      'github',
      'gitlab',
      'circleci',
      'travis-ci',
      'buildkite',
      'sonar',
      'snyk',
      'semgrep',
      'harness',
      'postman',
      'launchdarkly',
      'dbtcloud',
      'prefect',
    ],
  ],
  ['Package registries', ['npm', 'rubygems', 'hexpm', 'cocoapods', 'cloudsmith', 'packagecloud', 'docker']],
  [
    'Chat, email and messaging',
    [
      'slack',
      'discord',
      'telegram',
      'sendgrid',
      'mailgun',
      'mailchimp',
      'postmark',
      'brevo',
      'sparkpost',
      'resend',
      'mailersend',
      'mailerlite',
      'twilio',
      'messagebird',
      'telnyx',
      'vonage',
      'plivo',
      'webex',
      'line',
      'pushbullet',
      'intercom',
      'loops',
      'getresponse',
      'convertkit',
      'mailsac',
    ],
  ],
  [
    'Payments and commerce',
    [
      'stripe',
      'square',
      'paypal',
      'paystack',
      'flutterwave',
      'razorpay',
      'paddle',
      'mollie',
      'gocardless',
      'coinbase',
      'lemonsqueezy',
      'shippo',
      'easypost',
      'wise',
      'lob',
      'recharge',
      'snipcart',
      'mux',
    ],
  ],
  [
    'AI and machine learning',
    [
      'openai',
      'anthropic',
      'groq',
      'mistral',
      'cohere',
      'huggingface',
      'replicate',
      'together',
      'fireworks',
      'deepseek',
      'xai',
      'openrouter',
      'elevenlabs',
      'assemblyai',
      'deepgram',
      'langsmith',
      'pinecone',
      'clarifai',
      'braintrust',
      'apify',
    ],
  ],
  [
    'Monitoring and incident response',
    [
      'datadog',
      'newrelic',
      'sentry',
      'pagerduty',
      'opsgenie',
      'honeycomb',
      'bugsnag',
      'statuspage',
      'uptimerobot',
      'statuscake',
      'betterstack',
      'papertrail',
      'rootly',
      'axiom',
      'posthog',
    ],
  ],
  ['Identity, access and secrets', ['beyondtrust', 'okta', 'doppler', 'infisical', 'jumpcloud', 'algolia']],
];
const OTHER = 'Productivity, content and data APIs';

function categoryOf(rule: RuleSpec): string {
  return CATEGORIES.find(([, providers]) => providers.includes(rule.providerKey))?.[0] ?? OTHER;
}

/** How the check reads in a table: `GET api.github.com/user`, or the named verifier and its request. */
function checkOf(rule: RuleSpec & { verify: NonNullable<RuleSpec['verify']> }): string {
  const spec = rule.verify;
  if (spec.use) {
    const sends = NAMED.get(spec.use)!.sends;
    const origin = NAMED_VERIFIERS[spec.use]!.origin.replace('https://', '');
    const host = origin === '{{site}}' ? spec.site!.hosts.join(', ') : origin;
    return `\`${sends.method} ${host}${sends.path}\` (\`use: ${spec.use}\`)`;
  }
  const request = spec.request!;
  const url = request.url.replace('https://', '').replace('{{site}}', spec.site ? `<${spec.site.hosts.join(' | ')}>` : '{{site}}');
  const shown = url.replace(/\{\{secret\}\}/g, 'SECRET').replace(/\{\{partner\.([\w-]+)\}\}/g, '<$1>');
  return `\`${request.method} ${shown}\`${request.readonly ? ` (read-only POST: ${request.readonly})` : ''}`;
}

/** Where the secret travels. */
function placeOf(rule: RuleSpec & { verify: NonNullable<RuleSpec['verify']> }): string {
  const spec = rule.verify;
  if (spec.use) {
    const secret = NAMED.get(spec.use)!.sends.secret;
    return secret === 'signature'
      ? 'only a signature'
      : secret === 'basic'
        ? 'HTTP Basic'
        : secret === 'bearer'
          ? 'Authorization header'
          : `${secret.slice(7)} header`;
  }
  const request = spec.request!;
  const uses = (text: string): boolean => text.includes('{{secret}}');
  const places: string[] = [];
  for (const [name, value] of Object.entries(request.headers ?? {})) if (uses(value)) places.push(`${name} header`);
  if (request.basic && uses(`${request.basic.user}:${request.basic.password}`)) places.push('HTTP Basic');
  const path = request.url.split('?')[0]!;
  if (uses(path)) places.push('URL path');
  if (request.url.includes('?') && uses(request.url.split('?')[1]!)) places.push('URL query');
  if (request.form && uses(Object.values(request.form).join(' '))) places.push('form body');
  if (request.json !== undefined && uses(JSON.stringify(request.json))) places.push('JSON body');
  return places.join(', ');
}

/** The markdown table of verifying rules, by category. */
export function verifyingTables(rules: readonly RuleSpec[]): string {
  const verifying = rules.filter(verifiesRule);
  const out: string[] = [];
  for (const category of [...CATEGORIES.map(([name]) => name), OTHER]) {
    const mine = verifying.filter((rule) => categoryOf(rule) === category).sort((a, b) => a.id.localeCompare(b.id));
    if (mine.length === 0) continue;
    out.push(`### ${category} (${mine.length})`, '', '| rule | check | the secret travels in | needs |', '|---|---|---|---|');
    for (const rule of mine) {
      const named = rule.verify.use ? (NAMED.get(rule.verify.use)!.needs ?? []) : Object.keys(rule.verify.partners ?? {});
      const needs = [...named.filter((p) => p !== rule.verify.site?.partner), ...(rule.verify.site ? ['a site near it'] : [])];
      out.push(`| \`${rule.id}\` | ${checkOf(rule)} | ${placeOf(rule)} | ${needs.join(', ') || '—'} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Counts a category: for the summary line of the report. */
export function verifyingCounts(rules: readonly RuleSpec[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rule of rules.filter(verifiesRule)) counts[categoryOf(rule)] = (counts[categoryOf(rule)] ?? 0) + 1;
  return counts;
}

const NOT_YET =
  'Not written yet: a read-only check may exist, but it was not among the checks chosen first by how often keys leak and how much damage they do.';

/** Secrets that work alone, whose names would put them in a group below that does not fit them. */
const ALONE = new Set([
  'checkout-com-secret-key',
  'checkout-com-legacy-secret-key',
  'checkout-com-sandbox-secret-key',
  'paymongo-secret-key',
  'pagarme-api-key',
  'moonclerk-api-key',
  'adyen-api-key',
  'wepay-access-token',
  'twitter-bearer-token',
  'mailjet-sms-token',
  'customerio-app-api-key',
  'gitlab-feed-token',
  'gitlab-scim-token',
  'gitlab-session-cookie',
  'gitlab-feature-flags-client-token',
]);

/** Why a rule does not verify, tried in order; the first reason whose test holds wins. */
const WHY_NOT: [string, (id: string) => boolean][] = [
  [NOT_YET, (id) => ALONE.has(id)],
  [
    'The engine reports these secrets under another rule (the formats overlap), so a check here would never run; the overlap is a detection issue to fix first.',
    (id) => ['clerk-secret-key', 'workos-api-key', 'alibaba-access-key-secret'].includes(id),
  ],
  [
    'A signing or encryption secret: it signs or encrypts messages, and no API accepts it as a credential.',
    (id) =>
      /signing|hmac-key|webhook-secret|signature-secret|encryption-key|encrypted-secret|channel-secret|shared-secret|app-certificate|line-channel-secret/.test(
        id,
      ),
  ],
  [
    'A webhook URL: the only test would post a message to the channel.',
    (id) => /webhook|tines-webhook|zapier|sumologic-http-source/.test(id),
  ],
  [
    'Not tied to one provider: there is nobody to ask.',
    (id) => id.startsWith('generic-') || id === 'jwt-token' || id === 'basic-auth-url-password',
  ],
  [
    'A private key, a password or a connection string for a host or registry named in the content: there is no fixed host to ask, and signing in is not a read-only HTTP check.',
    (id) =>
      /^private-key|^age-|^kubernetes-|^jdbc-|connection|-uri$|^postgres|^mysql|^redis|^mongodb-connection|^mssql|^snowflake|^couchbase|^amqp|^maven-|^nuget-config|^docker-(login|config|swarm)|pypirc|composer-auth|^npm-(npmrc|yarnrc|access-token-legacy)|netrc|helm-repo|publish-profile|cli-login|codecommit|ses-smtp|brevo-smtp|sasl|unseal|^azure-(storage|cosmosdb|batch|messaging|iot|redis|event-grid|app-configuration|signalr|communication|sql|log-analytics|service-bus)/.test(
        id,
      ),
  ],
  [
    'An identifier, or a key that is public by design: it proves nothing alone (its secret partner verifies where it can).',
    (id) =>
      /key-id$|secret-id$|publishable|publish-key|public-token|browser-key|mobile-(app-token|key)|bugsnag-api-key|razorpay-key-id|sdk-key|delivery-token|storyblok-access-token|contentful-delivery/.test(
        id,
      ),
  ],
  ['A refresh token: using it mints new tokens (and may rotate it), which is not read-only.', (id) => /refresh-token/.test(id)],
  [
    'Signs requests (HMAC, JWT, SigV4-style or an exchange-specific scheme): it needs a verifier written in TypeScript, not written yet.',
    (id) =>
      /tencent|huawei|oracle-cloud|exoscale|scaleway|spaces-secret|gcp-hmac|cos-hmac|akamai|binance|bitfinex|bitmex|kucoin|kraken|coinbase-(cdp|legacy)|duo-secret|veracode|ovh|gcp-service-account|box-jwt|aws-session-token|aws-mws|cloudinary|pusher-channels|backblaze|currencycloud/.test(
        id,
      ),
  ],
  [
    "Self-hosted, or hosted at a per-customer address: the server comes from the content; it needs a site rule with the vendor's host pattern (or --verify-host).",
    (id) =>
      /gitea|^jenkins|^jfrog|^sonar-token|data-center|bitbucket-data-center|mattermost|drone|octopusdeploy|hashicorp-vault|teamcity|metabase|openshift|rancher|grafana-(service-account|api-key)|^splunk|^elastic-api|cyberark|matomo|sourcegraph|dynatrace|tableau|semaphore|atlassian|zendesk|freshdesk|chargebee|shopify|salesforce-access|planetscale-password|quay|sendbird|signalwire|zulip|keycloak|azure-(apim|function|container-registry|search|ai-services|common)|upstash-redis|turso|lightstep|coralogix|sumologic-access|sysdig|logzio/.test(
        id,
      ),
  ],
  [
    'An OAuth client secret or an API secret that needs its client id or key, which the rule does not pair yet.',
    (id) =>
      /client-secret|consumer-secret|app-secret|oauth-(app|consumer)-secret|api-secret$|-secret$|oauth-secret|private-key$|service-account-secret|oauth-client-secret|twitch-token|twitter-|trello|mailjet|plaid-secret|braintree-private|adyen|docusign|checkout-com|pagarme|paymongo|instamojo|wepay|tenable|lacework|wiz|crowdstrike|mixpanel|amplitude|datadog-application|customerio|modal|mongodb-atlas|smooch|pusher-beams|hcp-client|infisical-universal|databricks-oauth|loginradius|magicbell|swell|moonclerk|airship/.test(
        id,
      ),
  ],
  [
    'BeyondTrust Password Safe API keys (PS-Auth): the only check signs in (Auth/SignAppin) and opens a session, which is not read-only. Password Safe OAuth client secrets do verify.',
    (id) => /^beyondtrust-password-safe-(api-key|legacy-api-key|ps-auth)/.test(id),
  ],
  [
    'Needs a partner the rule does not find yet (a username, an account email, a project URL or id, a public key): checking the secret alone is impossible.',
    (id) =>
      /^(bitbucket-app-password|browserstack-access-key|saucelabs-access-key|cloudflare-global-api-key|checkly-api-key|langfuse-secret-key|supabase-secret-key|supabase-service-role-jwt|grafana-cloud-token|pubnub-secret-key|jotform-api-key|plausible-api-key|zendesk-api-token|atlassian-api-token|atlassian-api-token-legacy|customerio-track-api-key|plaid-access-token|plaid-sandbox-access-token|planetscale-service-token|textmagic-api-key|clicksend-api-key|newrelic-insights-query-key)$/.test(
        id,
      ),
  ],
  [
    'An ingest, upload, agent or enrolment token: the calls it allows send or create data (an event, a package, a build report, a device), and there is no documented read-only check.',
    (id) =>
      /^(pypi-api-token|pypi-test-api-token|nuget-api-key|nuget-api-key-legacy|codecov-token|coveralls-repo-token|codeclimate-token|cypress-record-key|chromatic-project-token|percy-token|clojars-deploy-token|buildkite-agent-job-token|buildkite-agent-registration-token|buildkite-agent-session-token|newrelic-insights-insert-key|newrelic-license-key|mezmo-ingestion-key|loggly-token|sentry-dsn-secret-key|cloudflare-tunnel-token|cloudflare-origin-ca-key|tailscale-key|ngrok-authtoken|firebase-cloud-messaging-server-key|slack-app-level-token|pagerduty-integration-key|raygun-api-key|airbrake-api-key|circleci-project-token|gitlab-runner-authentication-token|gitlab-runner-registration-token|gitlab-agent-token|gitlab-pipeline-trigger-token|gitlab-ci-job-token|gitlab-incoming-mail-token|gitlab-deploy-token)$/.test(
        id,
      ),
  ],
  [NOT_YET, () => true],
];

/** The markdown list of reported rules that do not verify, grouped by reason. */
export function notVerifyingList(rules: readonly RuleSpec[]): string {
  const groups = new Map<string, string[]>();
  for (const rule of rules) {
    if (verifiesRule(rule) || rule.report === false) continue;
    const reason = WHY_NOT.find(([, test]) => test(rule.id))![0];
    groups.set(reason, [...(groups.get(reason) ?? []), rule.id]);
  }
  const out: string[] = [];
  const reasons = new Set(WHY_NOT.map(([text]) => text));
  reasons.delete(NOT_YET);
  for (const reason of [...reasons, NOT_YET]) {
    const ids = groups.get(reason);
    if (!ids) continue;
    out.push(
      `- **${reason}** (${ids.length}) ${ids
        .sort()
        .map((id) => `\`${id}\``)
        .join(', ')}`,
    );
  }
  return out.join('\n');
}
