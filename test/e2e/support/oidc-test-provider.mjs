// A real OpenID Provider (the `oidc-provider` package) for the single-sign-on tests, run as its own
// Node process (the package is ES modules only). It listens on 127.0.0.1 on a free port, registers one
// confidential client and prints `{"issuer": …}` as its first line of output. Its login page asks for
// an account name; the accounts below are fixed. Environment: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
// OIDC_REDIRECT_URIS (comma list).
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const ACCOUNTS = {
  ada: { sub: 'ada', email: 'ada@sso.example', email_verified: true, name: 'Ada Lovelace' },
  grace: { sub: 'grace', email: 'grace@sso.example', email_verified: true, name: 'Grace Hopper' },
  noemail: { sub: 'noemail', name: 'No Mail' },
  unverified: {
    sub: 'unverified',
    email: 'unverified@sso.example',
    email_verified: false,
    name: 'Un Verified',
  },
};

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? 'featbit-ts',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'test-secret',
      redirect_uris: (process.env.OIDC_REDIRECT_URIS ?? '').split(',').filter(Boolean),
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: false,
  findAccount: (_ctx, id) =>
    ACCOUNTS[id] ? { accountId: id, claims: () => ({ ...ACCOUNTS[id] }) } : undefined,
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ['oidc-test-provider-cookie-key'] },
  pkce: { required: () => true },
});

const page = (uid) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>
<form method="post" action="/interaction/${uid}/login">
<label>Account <input name="login" value="ada" autocomplete="username"></label>
<button type="submit">Sign in</button>
</form></main></body></html>`;

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const handle = provider.callback();
server.on('request', async (req, res) => {
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? '');
  if (!match) return handle(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (!match[2]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page(details.uid));
    }
    const login = (await readForm(req)).get('login') ?? '';
    if (!ACCOUNTS[login]) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      return res.end('unknown account');
    }
    // The test client is trusted: consent is granted with the login.
    const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: login }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(err));
  }
});

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
