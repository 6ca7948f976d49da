import type { VariationType } from '../api/api.models';

export type SdkId = 'node-server' | 'js-client' | 'openfeature';

export interface SdkChoice {
  id: SdkId;
  label: string;
  secretType: 'server' | 'client';
  description: string;
}

export const SDKS: readonly SdkChoice[] = [
  {
    id: 'node-server',
    label: $localize`:SDK name:Node.js server SDK`,
    secretType: 'server',
    description: $localize`Back-end services: evaluates locally, kept current over a WebSocket.`,
  },
  {
    id: 'js-client',
    label: $localize`:SDK name:JavaScript client SDK`,
    secretType: 'client',
    description: $localize`Browsers and single-page apps: receives its values, never the rules.`,
  },
  {
    id: 'openfeature',
    label: 'OpenFeature (OFREP)',
    secretType: 'server',
    description: $localize`Any OpenFeature SDK through the OpenFeature Remote Evaluation Protocol.`,
  },
];

export interface SnippetInput {
  flagKey: string;
  variationType: VariationType;
  secret: string;
  /** http(s) origin of the evaluation server, without a trailing slash. */
  evaluationUrl: string;
}

export interface Snippet {
  install: string;
  code: string;
}

/** ws(s):// for the streaming endpoint of an http(s):// evaluation URL. */
export function streamingUrl(evaluationUrl: string): string {
  return evaluationUrl.replace(/^http(s?):\/\//i, (_m, s: string) => `ws${s}://`);
}

const VARIATION_CALL: Record<VariationType, { method: string; fallback: string; ofrep: string }> = {
  boolean: { method: 'boolVariation', fallback: 'false', ofrep: 'getBooleanValue' },
  string: { method: 'stringVariation', fallback: "''", ofrep: 'getStringValue' },
  number: { method: 'numberVariation', fallback: '0', ofrep: 'getNumberValue' },
  json: { method: 'jsonVariation', fallback: '{}', ofrep: 'getObjectValue' },
};

/** Install command and a runnable quick start with the environment's real secret and URLs. */
export function sdkSnippet(sdk: SdkId, input: SnippetInput): Snippet {
  const call = VARIATION_CALL[input.variationType];
  const key = JSON.stringify(input.flagKey);
  const secret = JSON.stringify(input.secret);
  const http = JSON.stringify(input.evaluationUrl);
  const ws = JSON.stringify(streamingUrl(input.evaluationUrl));
  switch (sdk) {
    case 'node-server':
      return {
        install: 'npm install @featbit/node-server-sdk',
        code: `import { FbClientBuilder, UserBuilder } from '@featbit/node-server-sdk';

const fbClient = new FbClientBuilder()
  .sdkKey(${secret})
  .streamingUri(${ws})
  .eventsUri(${http})
  .build();

await fbClient.waitForInitialization();

const user = new UserBuilder('user-1').name('Bob').custom('country', 'NL').build();
const value = await fbClient.${call.method}(${key}, user, ${call.fallback});
console.log(${key}, '=', value);

await fbClient.close(); // flushes the evaluation events
`,
      };
    case 'js-client':
      return {
        install: 'npm install @featbit/js-client-sdk',
        code: `import { FbClientBuilder, UserBuilder } from '@featbit/js-client-sdk';

const user = new UserBuilder('user-1').name('Bob').custom('country', 'NL').build();

const fbClient = new FbClientBuilder()
  .sdkKey(${secret})
  .streamingUri(${ws})
  .eventsUri(${http})
  .user(user)
  .build();

await fbClient.waitForInitialization();
console.log(${key}, '=', fbClient.${call.method}(${key}, ${call.fallback}));

// React to changes made in the console, live:
fbClient.on('update:' + ${key}, () => {
  console.log(${key}, 'changed to', fbClient.${call.method}(${key}, ${call.fallback}));
});
`,
      };
    case 'openfeature':
      return {
        install: 'npm install @openfeature/server-sdk @openfeature/ofrep-provider',
        code: `import { OpenFeature } from '@openfeature/server-sdk';
import { OFREPProvider } from '@openfeature/ofrep-provider';

await OpenFeature.setProviderAndWait(
  new OFREPProvider({ baseUrl: ${http}, headers: [['Authorization', ${secret}]] }),
);

const client = OpenFeature.getClient();
const value = await client.${call.ofrep}(${key}, ${call.fallback}, { targetingKey: 'user-1', country: 'NL' });
console.log(${key}, '=', value);
`,
      };
  }
}
