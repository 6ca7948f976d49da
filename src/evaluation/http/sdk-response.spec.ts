import { gunzipSync } from 'node:zlib';
import { EncodedBody } from '../environments/encoded-body';
import { jsonResponse, representation, type SdkResponse } from './sdk-response';

describe('representation', () => {
  const text = JSON.stringify({ items: Array.from({ length: 300 }, (_, i) => `item-${i}`) });
  const encodable = (): SdkResponse => {
    const body = new EncodedBody(Buffer.from(text));
    return { ...jsonResponse(200, body.plain), encodable: body };
  };

  it('sends per-request answers as they are, without Vary', () => {
    const r = jsonResponse(200, text);
    expect(representation(r, 'gzip, br')).toEqual({ body: text, coding: null, varies: false });
  });

  it('sends small shared bodies plain, without Vary', () => {
    const body = new EncodedBody(Buffer.from('{}'));
    const r = { ...jsonResponse(200, body.plain), encodable: body };
    expect(representation(r, 'gzip')).toEqual({ body: body.plain, coding: null, varies: false });
  });

  it('sends the plain bytes with Vary to a caller that accepts no coding', () => {
    const r = encodable();
    expect(representation(r, undefined)).toEqual({ body: r.body, coding: null, varies: true });
    expect(representation(r, 'identity')).toEqual({ body: r.body, coding: null, varies: true });
  });

  it('waits for the first compression of a version, then answers from memory', async () => {
    const r = encodable();
    const first = representation(r, 'gzip');
    expect(first).toBeInstanceOf(Promise);
    const chosen = await first;
    expect(chosen.coding).toBe('gzip');
    expect(chosen.varies).toBe(true);
    expect(gunzipSync(chosen.body as Buffer).toString()).toBe(text);
    expect(representation(r, 'gzip')).toEqual(chosen);
  });
});
