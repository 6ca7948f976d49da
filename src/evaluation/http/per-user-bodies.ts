import { hash } from 'node:crypto';
import type { EndUser } from '../../core/end-users/end-user';
import { CLIENT_SYNC_TAIL, clientSyncHead } from '../../core/sdk/sdk-payloads';
import { userSignature } from '../../core/sdk/sdk-user';
import type { EnvironmentState, FlagEntry } from '../environments/environment-state';

// The per-user REST answers (client/latest-all, OFREP bulk) assembled as one Buffer from the item
// bytes the environment keeps per (flag version, evaluation result): no JSON text of the whole
// answer is built, so no string join, no UTF-8 encoding of it and no large strings for the GC
// (issue 22: building and serializing cost more than evaluating; docs/performance.md, "Client-side
// evaluation per core"). The bytes are exactly those of the text the handlers built before.
// Hand-written assembly, measured there: with 200 flags and a new user per request, CPU per request
// −26 % (client/latest-all) and −24 % (OFREP bulk), GC from 21 % to 1.4 % of the client route.

const COMMA = 0x2c;
const CLIENT_TAIL = Buffer.from(CLIENT_SYNC_TAIL);
const OFREP_HEAD = Buffer.from('{"flags":[');
const OFREP_TAIL = Buffer.from(']}');
const CLOSE_BRACE = 0x7d;
/** Room left after an OFREP answer for its `eventStreams` member, written in place when it fits. */
const OFREP_SLACK = 512;

// Full client answers are cached per user signature and environment version, bounded as the
// streaming path's cache in environment-state.ts, from a user's second request on: most callers of
// this route ask once (a page load of a new visitor), and keeping their answers cost more than it
// saved (docs/performance.md, "Round two": 13–34 µs of CPU per new user's answer at 200 flags).
const MAX_CACHED_BODIES = 512;
const MAX_CACHE_BYTES = 8 * 1024 * 1024;
const MAX_CACHED_BODY_BYTES = 256 * 1024;

/** Longest request text used as a cache key as it is (longer ones: the user's signature). */
const MAX_TEXT_KEY = 4096;
/** Bounds of the keys asked for once (forgotten all at once when either is reached). */
const MAX_SEEN_KEYS = 4096;
const MAX_SEEN_CHARS = 2 * 1024 * 1024;

/** Per environment version: its flags in payload order and the cached full client answers. */
interface VersionCache {
  version: number;
  /** env.flags' entries (an array walk is cheaper than the Map's iterator, 200 times a request). */
  entries: FlagEntry[];
  bodies: Map<string, Buffer>;
  bytes: number;
  /** Keys asked for once and not cached yet (kept across versions: the same users come back). */
  seen: Set<string>;
  seenChars: number;
}

const caches = new WeakMap<EnvironmentState, VersionCache>();

/** The items of the answer being built (reused: requests are answered one at a time). */
const parts: Buffer[] = [];
const NO_PART = Buffer.alloc(0);

const DIGEST_BYTES = 20;
/** The OFREP items' digests of the answer being built, one after another (grown when needed). */
let digests = Buffer.alloc(DIGEST_BYTES * 256);

function versionCache(env: EnvironmentState): VersionCache {
  let cache = caches.get(env);
  if (cache === undefined) {
    cache = {
      version: env.version,
      entries: [...env.flags.values()],
      bodies: new Map(),
      bytes: 0,
      seen: new Set(),
      seenChars: 0,
    };
    caches.set(env, cache);
  } else if (cache.version !== env.version) {
    cache.version = env.version;
    cache.entries = [...env.flags.values()];
    cache.bodies.clear();
    cache.bytes = 0;
  }
  return cache;
}

/**
 * `head`, parts[0..count) joined by commas (their total length `size`), then `tail`, in one
 * allocation. With `slack`, the allocation is the body's own (never a slice of the shared pool)
 * and `slack` bytes longer; the exact-length view is returned.
 */
function join(head: Buffer | string, count: number, size: number, tail: Buffer, slack = 0): Buffer {
  const headLength = typeof head === 'string' ? Buffer.byteLength(head) : head.length;
  const length = headLength + size + (count > 0 ? count - 1 : 0) + tail.length;
  const out = slack === 0 ? Buffer.allocUnsafe(length) : Buffer.allocUnsafeSlow(length + slack);
  let at = headLength;
  if (typeof head === 'string') out.write(head, 0);
  else out.set(head, 0);
  for (let i = 0; i < count; i++) {
    if (i > 0) out[at++] = COMMA;
    const part = parts[i];
    out.set(part, at);
    at += part.length;
    parts[i] = NO_PART;
  }
  out.set(tail, at);
  return slack === 0 ? out : out.subarray(0, length);
}

/**
 * Client-SDK data-sync for a REST caller: every live flag evaluated (timestamp 0) or those whose
 * client version is newer than the cursor; null for an empty patch. Same bytes as
 * EnvironmentState.clientSync. `requestText`: the JSON text the user was parsed from, when known;
 * a short one is the cache key as it is (the same text is the same user), which spares building
 * the user's signature for every new user. It is an object's text, so it never equals a signature
 * (an array's).
 */
export function clientSyncBody(
  env: EnvironmentState,
  user: EndUser,
  timestamp: number,
  requestText?: string,
): Buffer | null {
  const full = timestamp === 0;
  const cache = versionCache(env);
  let key = '';
  if (full) {
    key = requestText !== undefined && requestText.length <= MAX_TEXT_KEY ? requestText : userSignature(user);
    const cached = cache.bodies.get(key);
    if (cached !== undefined) return cached;
  }
  const entries = cache.entries;
  let count = 0;
  let size = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (full ? entry.flag.isArchived === true : entry.clientTs <= timestamp) continue;
    const bytes = env.clientItem(entry, user).bytes;
    parts[count++] = bytes;
    size += bytes.length;
  }
  if (count === 0 && !full) return null;
  const head = clientSyncHead(full ? 'full' : 'patch', JSON.stringify(user.keyId));
  const body = join(head, count, size, CLIENT_TAIL);
  if (full && body.length <= MAX_CACHED_BODY_BYTES && admitted(cache, key)) {
    if (cache.bodies.size >= MAX_CACHED_BODIES || cache.bytes + body.length > MAX_CACHE_BYTES) {
      cache.bodies.clear();
      cache.bytes = 0;
    }
    cache.bodies.set(key, body);
    cache.bytes += body.length;
  }
  return body;
}

/** Whether `key` was asked for before (then it is cached now); remembers it otherwise. */
function admitted(cache: VersionCache, key: string): boolean {
  if (cache.seen.delete(key)) {
    cache.seenChars -= key.length;
    return true;
  }
  if (cache.seen.size >= MAX_SEEN_KEYS || cache.seenChars + key.length > MAX_SEEN_CHARS) {
    cache.seen.clear();
    cache.seenChars = 0;
  }
  cache.seen.add(key);
  cache.seenChars += key.length;
  return false;
}

export interface OfrepBulkBody {
  /**
   * The strong ETag, quoted: SHA-1 (base64url) over the SHA-1 digests of the answer's items in
   * order. The rest of `{"flags":[…]}` is fixed, so equal answers have equal tags on every replica,
   * and 20 bytes per item are hashed instead of the whole answer (4 KiB instead of 38 KiB with 200
   * flags; docs/performance.md, "Round two": 1–13 µs less per answer).
   */
  etag: string;
  /** `{"flags":[…]}`. */
  body: Buffer;
  /**
   * The body with `member` (`,"name":value`) inserted before its closing brace, written into the
   * slack after `body` when it fits: `body` must not be used afterwards.
   */
  withMember(member: string): Buffer;
}

/** OFREP bulk evaluation of every non-archived flag for the context's user. */
export function ofrepBulkBody(env: EnvironmentState, user: EndUser): OfrepBulkBody {
  const entries = versionCache(env).entries;
  if (digests.length < entries.length * DIGEST_BYTES) digests = Buffer.alloc(entries.length * DIGEST_BYTES);
  let count = 0;
  let size = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.flag.isArchived) continue;
    const item = env.ofrepItem(entry, user);
    item.digest.copy(digests, count * DIGEST_BYTES);
    parts[count++] = item.bytes;
    size += item.bytes.length;
  }
  const etag = `"${hash('sha1', digests.subarray(0, count * DIGEST_BYTES), 'base64url')}"`;
  const body = join(OFREP_HEAD, count, size, OFREP_TAIL, OFREP_SLACK);
  return { etag, body, withMember: (member) => insertMember(body, member) };
}

/** `body` (from join with slack, ending in `}`) with `member` before that brace. */
function insertMember(body: Buffer, member: string): Buffer {
  const at = body.length - 1;
  const memberLength = Buffer.byteLength(member);
  const length = body.length + memberLength;
  let out: Buffer;
  if (memberLength <= OFREP_SLACK && body.byteOffset + length <= body.buffer.byteLength) {
    out = Buffer.from(body.buffer, body.byteOffset, length);
  } else {
    out = Buffer.allocUnsafe(length);
    body.copy(out, 0, 0, at);
  }
  out.write(member, at);
  out[length - 1] = CLOSE_BRACE;
  return out;
}
