// FeatBit's environment secret format (docs/reference/data-model.md#environment-secrets): 44 characters =
// encode(random GUID) + encode(envId), where encode = URL-safe base64 of .NET Guid.ToByteArray()
// (first three groups little-endian), padding dropped. SDK handshakes decode the env id from it.

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_INDEX = new Map([...BASE64].map((c, i) => [c, i]));
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

function guidToDotNetBytes(guid: string): number[] {
  if (!GUID_PATTERN.test(guid)) throw new Error(`not a GUID: ${guid}`);
  const hex = guid.replace(/-/g, '');
  const byte = (i: number) => parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15].map(byte);
}

function dotNetBytesToGuid(b: readonly number[]): string {
  const h = (i: number) => b[i].toString(16).padStart(2, '0');
  return (
    h(3) +
    h(2) +
    h(1) +
    h(0) +
    '-' +
    h(5) +
    h(4) +
    '-' +
    h(7) +
    h(6) +
    '-' +
    h(8) +
    h(9) +
    '-' +
    [10, 11, 12, 13, 14, 15].map(h).join('')
  );
}

function base64Encode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63] : '=';
  }
  return out;
}

/** Decodes 22 URL-safe base64 chars (16 bytes, padding dropped); null if malformed. */
function decode22(text: string): number[] | null {
  if (text.length !== 22) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text.replace(/_/g, '/').replace(/-/g, '+')) {
    const v = BASE64_INDEX.get(ch);
    if (v === undefined) return null;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes.length === 16 ? bytes : null;
}

export function encodeGuid(guid: string): string {
  return base64Encode(guidToDotNetBytes(guid)).slice(0, 22).replace(/\//g, '_').replace(/\+/g, '-');
}

/** A new secret for an environment; `randomGuid` must be a fresh random UUID. */
export function createEnvironmentSecret(envId: string, randomGuid: string): string {
  return encodeGuid(randomGuid) + encodeGuid(envId);
}

/**
 * The environment id carried by a secret, or null when the secret is not structurally valid
 * (not 44 chars, undecodable, or the empty GUID) — FeatBit's Secret.TryParse.
 */
export function envIdFromSecret(secret: string): string | null {
  if (typeof secret !== 'string' || secret.length !== 44) return null;
  const bytes = decode22(secret.slice(22));
  if (!bytes) return null;
  const guid = dotNetBytesToGuid(bytes);
  return guid === EMPTY_GUID ? null : guid;
}
