import { sdkSnippet, streamingUrl } from './sdk-snippets';

const input = {
  flagKey: 'new-checkout',
  variationType: 'boolean' as const,
  secret: 'c2VydmVyLXNlY3JldA-example',
  evaluationUrl: 'https://flags.example.com',
};

describe('get-started snippets', () => {
  it('derives the streaming URL from the evaluation URL', () => {
    expect(streamingUrl('http://localhost:5000')).toBe('ws://localhost:5000');
    expect(streamingUrl('https://flags.example.com')).toBe('wss://flags.example.com');
  });

  it('fills the Node server quick start with the real secret, URLs and flag', () => {
    const snippet = sdkSnippet('node-server', input);
    expect(snippet.install).toBe('npm install @featbit/node-server-sdk');
    expect(snippet.code).toContain('.sdkKey("c2VydmVyLXNlY3JldA-example")');
    expect(snippet.code).toContain('.streamingUri("wss://flags.example.com")');
    expect(snippet.code).toContain('.eventsUri("https://flags.example.com")');
    expect(snippet.code).toContain('fbClient.boolVariation("new-checkout", user, false)');
  });

  it('uses the typed variation call of the flag for the client SDK', () => {
    const snippet = sdkSnippet('js-client', { ...input, variationType: 'string' });
    expect(snippet.code).toContain('fbClient.stringVariation("new-checkout", \'\')');
    expect(snippet.code).toContain('.user(user)');
  });

  it('configures the OFREP provider with the secret as Authorization header', () => {
    const snippet = sdkSnippet('openfeature', { ...input, variationType: 'json' });
    expect(snippet.code).toContain('baseUrl: "https://flags.example.com"');
    expect(snippet.code).toContain('headers: [[\'Authorization\', "c2VydmVyLXNlY3JldA-example"]]');
    expect(snippet.code).toContain('client.getObjectValue("new-checkout", {}');
  });
});
