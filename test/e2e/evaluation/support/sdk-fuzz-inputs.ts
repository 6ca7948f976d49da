// Hostile inputs for the SDK fuzzer (sdk-fuzz.e2e-spec.ts), drawn from the seeded PRNG of
// test/support so that a failing campaign can be replayed with the printed seed.

export class Fuzz {
  constructor(readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Printable, control, surrogate-half and NUL characters mixed. */
  string(maxLength = 24): string {
    const length = this.int(maxLength + 1);
    let text = '';
    for (let i = 0; i < length; i++) {
      const kind = this.int(10);
      if (kind < 6) text += String.fromCharCode(0x20 + this.int(95));
      else if (kind === 6) text += String.fromCharCode(this.int(0x20));
      else if (kind === 7) text += String.fromCharCode(0xd800 + this.int(0x800));
      else if (kind === 8) text += '\u0000';
      else text += String.fromCodePoint(0x80 + this.int(0x10ff00));
    }
    return text;
  }

  /** Any JSON value, up to `depth` levels. */
  value(depth = 4): unknown {
    const kind = this.int(depth <= 0 ? 6 : 8);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.random() < 0.5;
      case 2:
        return this.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 1712755780494]);
      case 3:
      case 4:
        return this.string();
      case 5:
        return this.pick(['', 'ping', 'data-sync', '0', '[]', '{}', '__proto__', 'constructor']);
      case 6:
        return Array.from({ length: this.int(5) }, () => this.value(depth - 1));
      default: {
        const o: Record<string, unknown> = {};
        for (let i = this.int(5); i > 0; i--) o[this.pick(KEYS)] = this.value(depth - 1);
        return o;
      }
    }
  }

  /** A JSON value whose text is nested `levels` deep (arrays, objects or both). */
  deep(levels = 10_000): string {
    const kind = this.int(3);
    if (kind === 0) return '['.repeat(levels) + ']'.repeat(levels);
    if (kind === 1) return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
    return '[{"k":'.repeat(levels / 2) + 'null' + '}]'.repeat(levels / 2);
  }

  /** A user as SDKs send it, or a wrong-typed variant of one. */
  user(): unknown {
    const good = {
      keyId: this.string(12) || 'u',
      name: this.string(8),
      customizedProperties: [{ name: 'country', value: this.pick(['nl', 'de', this.string()]) }],
    };
    return this.pick<unknown>([
      good,
      { ...good, keyId: this.value(2) },
      { ...good, customizedProperties: this.value(3) },
      { ...good, customizedProperties: [{ name: this.value(1), value: this.value(2) }] },
      this.value(3),
      [good],
    ]);
  }

  bytes(maxLength = 256): Buffer {
    return Buffer.from(Array.from({ length: this.int(maxLength + 1) }, () => this.int(256)));
  }
}

const KEYS = [
  'messageType',
  'data',
  'timestamp',
  'user',
  'keyId',
  'name',
  'customizedProperties',
  'context',
  'targetingKey',
  'filter',
  'tagFilterMode',
  'tags',
  'keys',
  'variations',
  'metrics',
  '__proto__',
  'constructor',
  'x',
];

export type WsInput = { kind: string; data: string | Buffer; binary?: boolean };

/** One WebSocket message from one of the hostile classes (the class name is counted). */
export function wsMessage(f: Fuzz, oversizeBytes: number): WsInput {
  const type = () =>
    f.pick(['ping', 'echo', 'data-sync', 'Data-Sync', 'ECHO', 'rp-agent-status', f.string(6)]);
  // The two classes that end the connection (1009, 1007) are rarer, so that most connections
  // carry many messages before they close.
  const draw = f.int(30);
  switch (draw === 0 ? 4 : draw === 1 ? 7 : [0, 1, 2, 3, 5, 6, 8][draw % 7]) {
    case 0:
      return { kind: 'random-json', data: JSON.stringify(f.value()) ?? 'null' };
    case 1:
      return {
        kind: 'message-shaped',
        data: JSON.stringify({ messageType: type(), data: f.value() }),
      };
    case 2: {
      const text = JSON.stringify({ messageType: type(), data: { timestamp: 0, user: f.user() } });
      return { kind: 'truncated', data: text.slice(0, f.int(text.length)) };
    }
    case 3:
      return {
        kind: 'deep',
        data: f.pick([
          `{"messageType":"echo","data":${f.deep()}}`,
          `{"messageType":"data-sync","data":{"timestamp":0,"user":{"keyId":"u","customizedProperties":${f.deep()}}}}`,
          f.deep(),
        ]),
      };
    case 4:
      return { kind: 'oversized', data: `{"messageType":"echo","data":"${'x'.repeat(oversizeBytes)}"}` };
    case 5:
      return {
        kind: 'wrong-typed',
        data: JSON.stringify({
          messageType: f.pick<unknown>(['data-sync', 'echo', 1, null, ['ping'], { a: 1 }]),
          data: f.pick<unknown>([
            { timestamp: f.value(1), user: f.user() },
            { timestamp: 0, user: f.value(2) },
            f.value(2),
          ]),
        }),
      };
    case 6:
      return { kind: 'binary', data: f.bytes(), binary: true };
    case 7:
      // Raw bytes in a text frame: usually invalid UTF-8 (the server closes with 1007).
      return { kind: 'invalid-utf8', data: f.bytes(64), binary: false };
    default:
      return {
        kind: 'valid',
        data: JSON.stringify({ messageType: 'data-sync', data: { timestamp: 0, user: f.user() } }),
      };
  }
}

/** One request body (text) for an SDK REST route, from the same classes. */
export function restBody(
  f: Fuzz,
  route: string,
  oversizeBytes: number,
): { kind: string; body: string | Buffer } {
  const shaped = (): unknown => {
    if (route.includes('ofrep'))
      return {
        context: f.pick<unknown>([{ targetingKey: f.value(1), ...(f.value(2) as object) }, f.value(3)]),
      };
    if (route.includes('evaluate'))
      return {
        user: f.user(),
        filter: f.pick<unknown>([
          { tagFilterMode: f.value(2), tags: f.value(2), keys: f.value(2), timestamp: f.value(1) },
          f.value(2),
        ]),
      };
    if (route.includes('track'))
      return Array.from({ length: f.int(4) }, () => ({
        user: f.user(),
        variations: f.value(3),
        metrics: f.value(3),
      }));
    return f.user();
  };
  switch (f.int(7)) {
    case 0:
      return { kind: 'random-json', body: JSON.stringify(f.value()) ?? 'null' };
    case 1:
      return { kind: 'shaped', body: JSON.stringify(shaped()) ?? 'null' };
    case 2: {
      const text = JSON.stringify(shaped()) ?? '{}';
      return { kind: 'truncated', body: text.slice(0, f.int(text.length)) };
    }
    case 3:
      return {
        kind: 'deep',
        body: f.pick([
          f.deep(),
          `{"context":{"targetingKey":"u","x":${f.deep()}}}`,
          `{"user":{"keyId":"u"},"filter":{"tagFilterMode":${f.deep()}}}`,
        ]),
      };
    case 4:
      return { kind: 'oversized', body: `{"x":"${'y'.repeat(oversizeBytes)}"}` };
    case 5:
      return { kind: 'binary', body: f.bytes(512) };
    default:
      return {
        kind: 'wrong-typed',
        body: JSON.stringify(f.pick<unknown>([[], 1, 'text', null, true, [shaped()]])),
      };
  }
}

/** Every UTF-8 byte percent-encoded (lone surrogates become U+FFFD, as any client would send). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

/** A query string: the timestamp in valid, wrong and malformed forms, or garbage. */
export function restQuery(f: Fuzz): string {
  return f.pick([
    '',
    '?timestamp=0',
    `?timestamp=${f.pick(['-1', '1e3', 'abc', '99999999999999999999', '', '%zz', '%00', '1&timestamp=2'])}`,
    `?${percentEncode(f.string(40))}=${percentEncode(f.string(40))}`,
    `?${'a=1&'.repeat(500)}`,
    '?%%%',
  ]);
}
