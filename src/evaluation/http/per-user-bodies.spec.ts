import { createHash } from 'node:crypto';
import type { EndUser } from '../../core/end-users/end-user';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { EnvironmentState } from '../environments/environment-state';
import { clientSyncBody, ofrepBulkBody } from './per-user-bodies';

// The byte-assembled answers must equal the JSON text the handlers built before (and the
// streaming path still builds): the same bytes for every user, cursor and flag mix.

const SCOPE = { envId: 'env-1', workspaceId: 'w', envResourceName: 'env' };

function flag(key: string, updatedAt: string, extra: Partial<FeatureFlag> = {}): FeatureFlag {
  return {
    id: `id-${key}`,
    envId: 'env-1',
    revision: `r-${key}`,
    name: key,
    description: '',
    key,
    variationType: 'string',
    variations: [
      { id: 'a', name: 'A', value: 'alpha' },
      { id: 'b', name: 'B', value: 'bêta ✓' },
    ],
    targetUsers: [{ keyIds: ['vip'], variationId: 'a' }],
    rules: [],
    isEnabled: true,
    disabledVariationId: 'b',
    fallthrough: {
      dispatchKey: null,
      includedInExpt: true,
      variations: [
        { id: 'a', rollout: [0, 0.5], exptRollout: 1 },
        { id: 'b', rollout: [0.5, 1], exptRollout: 1 },
      ],
    },
    exptIncludeAllTargets: true,
    tags: [],
    isArchived: false,
    creatorId: 'c',
    updatorId: 'u',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt,
    ...extra,
  };
}

function environment(): EnvironmentState {
  const env = new EnvironmentState('env-1', SCOPE, {}, () => undefined, 0);
  env.load(
    [
      flag('one', '2024-01-01T00:00:00.000Z'),
      flag('two', '2024-02-01T00:00:00.000Z', {
        variationType: 'json',
        variations: [
          { id: 'a', name: 'A', value: '{"x":1}' },
          { id: 'b', name: '', value: 'not json' },
        ],
      }),
      flag('archived', '2024-03-01T00:00:00.000Z', { isArchived: true }),
      flag('off', '2024-04-01T00:00:00.000Z', { isEnabled: false }),
    ],
    [],
  );
  return env;
}

const users: EndUser[] = [
  { keyId: 'vip', name: null, customizedProperties: [] },
  { keyId: 'ünïcode "quoted" \u2028', name: 'n', customizedProperties: [{ name: 'c', value: 'de' }] },
  ...Array.from({ length: 20 }, (_, i) => ({ keyId: `user-${i}`, name: null, customizedProperties: [] })),
];

/** The OFREP bulk text as the handler built it before, and its items' texts. */
function ofrepText(env: EnvironmentState, user: EndUser): { text: string; items: string[] } {
  const items: string[] = [];
  for (const entry of env.flags.values())
    if (!entry.flag.isArchived) items.push(env.ofrepItem(entry, user).json);
  return { text: `{"flags":[${items.join(',')}]}`, items };
}

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest();

describe('per-user REST bodies', () => {
  it('client/latest-all: the same bytes as the text-built data-sync, full and patch, cached or not', () => {
    const env = environment();
    for (const user of users) {
      for (const ts of [0, 1, Date.parse('2024-01-15T00:00:00Z'), Date.parse('2024-12-01T00:00:00Z')]) {
        const text = env.clientSync(user, JSON.stringify(user.keyId), `sig-${ts}-${user.keyId}`, ts);
        const bytes = clientSyncBody(env, user, ts);
        expect(bytes?.toString('utf8') ?? null).toBe(text);
        expect(clientSyncBody(env, user, ts)?.equals(bytes!) ?? null).toBe(text === null ? null : true);
        // Keyed by the request text: the same bytes, first built and then cached.
        for (let i = 0; i < 2; i++) {
          const keyed = clientSyncBody(env, user, ts, JSON.stringify(user));
          expect(keyed?.toString('utf8') ?? null).toBe(text);
        }
      }
    }
  });

  it("client/latest-all: a full answer is cached from the user's second request on", () => {
    const env = environment();
    const text = JSON.stringify(users[3]);
    const first = clientSyncBody(env, users[3], 0, text)!;
    const second = clientSyncBody(env, users[3], 0, text)!;
    const third = clientSyncBody(env, users[3], 0, text)!;
    expect(second).not.toBe(first); // asked once: built, not kept
    expect(third).toBe(second); // asked again: kept, then served as is
    expect(third.equals(first)).toBe(true);
    // Patches are never cached.
    expect(clientSyncBody(env, users[3], 1, text)).not.toBe(clientSyncBody(env, users[3], 1, text));
  });

  it('client/latest-all: a change is seen at once (the cache is per environment version)', () => {
    const env = environment();
    const user = users[2];
    const before = clientSyncBody(env, user, 0, 'text')!.toString();
    env.upsertFlag(flag('one', '2024-05-01T00:00:00.000Z', { revision: 'r2', isEnabled: false }));
    const after = clientSyncBody(env, user, 0, 'text')!.toString();
    expect(after).not.toBe(before);
    expect(after).toBe(env.clientSync(user, JSON.stringify(user.keyId), 'sig', 0));
  });

  it('OFREP bulk: the same bytes as the text-built answer, with and without eventStreams; ETag over the items', () => {
    const env = environment();
    const tags = new Map<string, string>();
    for (const user of users) {
      const { text, items } = ofrepText(env, user);
      const answer = ofrepBulkBody(env, user);
      expect(answer.body.toString('utf8')).toBe(text);
      const expected = `"${sha1(Buffer.concat(items.map((item) => sha1(item)))).toString('base64url')}"`;
      expect(answer.etag).toBe(expected);
      // Equal answers, equal tags; different answers, different tags.
      const seen = tags.get(text);
      if (seen !== undefined) expect(answer.etag).toBe(seen);
      else expect([...tags.values()]).not.toContain(answer.etag);
      tags.set(text, answer.etag);
      const member = `,"eventStreams":[{"type":"sse","url":"http://h/ofrep/v1/event-stream?token=${user.keyId}"}]`;
      expect(answer.withMember(member).toString('utf8')).toBe(text.slice(0, -1) + member + '}');
      const long = `,"x":"${'y'.repeat(2000)}"`;
      expect(ofrepBulkBody(env, user).withMember(long).toString('utf8')).toBe(text.slice(0, -1) + long + '}');
    }
  });

  it('OFREP bulk: an environment without flags', () => {
    const env = new EnvironmentState('env-2', SCOPE, {}, () => undefined, 0);
    env.load([], []);
    expect(ofrepBulkBody(env, users[0]).withMember(',"e":[]').toString()).toBe('{"flags":[],"e":[]}');
    expect(clientSyncBody(env, users[0], 0)!.toString()).toBe(env.clientSync(users[0], '"vip"', 's', 0));
    expect(clientSyncBody(env, users[0], 5)).toBeNull();
  });
});
