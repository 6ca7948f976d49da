import { PassThrough } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { EventStreamConnection, openingFields, refetchEvent, requestOrigin } from './event-stream-connection';

describe('OFREP event-stream framing', () => {
  it('frames refetchEvaluation events and the opening fields', () => {
    expect(refetchEvent(1700000000123)).toBe(
      'id: 1700000000123\ndata: {"type":"refetchEvaluation","etag":"1700000000123","lastModified":1700000000123}\n\n',
    );
    expect(openingFields(5)).toBe('retry: 5000\nid: 5\n\n');
  });

  it('coalesces the notifications of one event-loop turn into one event (the newest revision)', async () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const conn = new EventStreamConnection(out as unknown as ServerResponse, 'fp');
    conn.notify(3);
    conn.notify(7);
    conn.notify(5);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe(refetchEvent(7));
    conn.close();
    conn.notify(9);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe(refetchEvent(7));
  });
});

describe('requestOrigin', () => {
  it('uses Host, and forwarded headers only when proxies are trusted', () => {
    const headers = {
      host: 'eval.local:5100',
      'x-forwarded-host': 'flags.example.com',
      'x-forwarded-proto': 'https',
    };
    expect(requestOrigin(headers, false, false)).toBe('http://eval.local:5100');
    expect(requestOrigin(headers, true, false)).toBe('https://eval.local:5100');
    expect(requestOrigin(headers, false, true)).toBe('https://flags.example.com');
    expect(requestOrigin({ host: '[::1]:5000' }, false, false)).toBe('http://[::1]:5000');
  });

  it('never echoes a host that is not a plain host[:port]', () => {
    expect(requestOrigin({}, false, false)).toBeNull();
    expect(requestOrigin({ host: 'evil.example/path?x=' }, false, false)).toBeNull();
    expect(requestOrigin({ host: 'a b' }, false, false)).toBeNull();
    expect(requestOrigin({ host: 'ok', 'x-forwarded-host': 'bad host"' }, false, true)).toBeNull();
  });
});
