import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/product';

// A tiny web page on its own origin that runs the official FeatBit JavaScript client SDK (its UMD
// bundle, unchanged) against the product and shows the value of one flag in the DOM.

export interface SdkTestPage {
  url: string;
  close(): Promise<void>;
}

const SDK_BUNDLE = join(REPO_ROOT, 'node_modules/@featbit/js-client-sdk/dist/umd/featbit-js-client-sdk.js');

function html(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>SDK test page</title>
<script src="/sdk.js"></script></head>
<body><h1>FeatBit JS client SDK</h1>
<p>Flag <code id="flag-key"></code> = <strong id="flag-value">(loading)</strong></p>
<p>Updates received: <span id="updates">0</span></p>
<script>
  const params = new URLSearchParams(location.search);
  const flagKey = params.get('flag');
  const user = new UserBuilder(params.get('user') || 'sdk-page-user').name('SDK page user')
    .custom('country', params.get('country') || 'NL').build();
  const client = new FbClientBuilder()
    .sdkKey(params.get('secret'))
    .streamingUri(params.get('ws'))
    .eventsUri(params.get('http'))
    .user(user)
    .build();
  document.getElementById('flag-key').textContent = flagKey;
  const show = () => {
    document.getElementById('flag-value').textContent = String(client.boolVariation(flagKey, false));
  };
  let updates = 0;
  client.on('update:' + flagKey, () => {
    updates += 1;
    document.getElementById('updates').textContent = String(updates);
    show();
  });
  client.waitForInitialization().then(show, (err) => {
    document.getElementById('flag-value').textContent = 'error: ' + err;
  });
</script></body></html>`;
}

export async function startSdkTestPage(): Promise<SdkTestPage> {
  const bundle = readFileSync(SDK_BUNDLE);
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/sdk.js')) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
