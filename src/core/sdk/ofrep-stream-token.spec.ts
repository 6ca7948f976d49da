import type { SecretContext } from '../tenancy/tenancy';
import { issueStreamToken, secretFingerprint, verifyStreamToken } from './ofrep-stream-token';

const KEY = 'stream-token-test-key-0123456789abcdef';
const NOW = 1_800_000_000_000;

const context = (envId: string): SecretContext => ({
  type: 'client',
  envId,
  envKey: 'dev',
  projectId: 'p1',
  projectKey: 'default',
  organizationId: 'o1',
  organizationKey: 'acme',
  workspaceId: 'w1',
});

const claims = (envId = 'env-a', expiresAt = NOW + 60_000) => ({
  context: context(envId),
  fingerprint: secretFingerprint(KEY, 'the-secret'),
  expiresAt,
});

describe('OFREP event-stream token', () => {
  it('round-trips the claims and never contains the secret', () => {
    const token = issueStreamToken(KEY, claims());
    expect(token).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(token).not.toContain('the-secret');
    expect(verifyStreamToken(KEY, token, NOW)).toEqual({ ok: true, claims: claims() });
  });

  it('refuses an expired token', () => {
    const token = issueStreamToken(KEY, claims('env-a', NOW));
    expect(verifyStreamToken(KEY, token, NOW)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyStreamToken(KEY, token, NOW - 1).ok).toBe(true);
  });

  it('refuses a token signed with another key', () => {
    const token = issueStreamToken('another-key-0123456789abcdef0123456789', claims());
    expect(verifyStreamToken(KEY, token, NOW)).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses a payload moved to another environment or extended', () => {
    const [version, , signature] = issueStreamToken(KEY, claims('env-a')).split('.');
    const otherEnv = issueStreamToken(KEY, claims('env-b')).split('.')[1];
    expect(verifyStreamToken(KEY, `${version}.${otherEnv}.${signature}`, NOW)).toEqual({
      ok: false,
      reason: 'signature',
    });
    const later = issueStreamToken(KEY, claims('env-a', NOW + 10 * 86_400_000)).split('.')[1];
    expect(verifyStreamToken(KEY, `${version}.${later}.${signature}`, NOW).ok).toBe(false);
  });

  it('names the environment it was issued for', () => {
    const check = verifyStreamToken(KEY, issueStreamToken(KEY, claims('env-b')), NOW);
    expect(check.ok && check.claims.context.envId).toBe('env-b');
  });

  it('refuses another spelling of the signature (the unused bits of its last character)', () => {
    const token = issueStreamToken(KEY, claims());
    const last = token.slice(-1);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // A 32-byte signature ends in a character holding 4 data bits and 2 unused ones: its three
    // neighbours in the alphabet's group of four decode to the same bytes.
    const group = Math.floor(alphabet.indexOf(last) / 4) * 4;
    const spellings = [...alphabet.slice(group, group + 4)].filter((c) => c !== last);
    expect(spellings).toHaveLength(3);
    for (const c of spellings) {
      const respelled = token.slice(0, -1) + c;
      expect(Buffer.from(respelled.split('.')[2], 'base64url')).toEqual(
        Buffer.from(token.split('.')[2], 'base64url'),
      );
      expect(verifyStreamToken(KEY, respelled, NOW)).toEqual({ ok: false, reason: 'signature' });
    }
  });

  it('refuses tampered signatures and malformed input without throwing', () => {
    const token = issueStreamToken(KEY, claims());
    const flipped = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    expect(verifyStreamToken(KEY, flipped, NOW).ok).toBe(false);
    for (const bad of [undefined, 42, '', 'v1', 'v2.a.b', 'v1.a.b.c', 'v1.!!.??', 'x'.repeat(5000)]) {
      expect(verifyStreamToken(KEY, bad, NOW).ok).toBe(false);
    }
  });

  it('fingerprints secrets per key', () => {
    expect(secretFingerprint(KEY, 's1')).not.toBe(secretFingerprint(KEY, 's2'));
    expect(secretFingerprint(KEY, 's1')).not.toBe(secretFingerprint('other-key', 's1'));
    expect(secretFingerprint(KEY, 's1')).toBe(secretFingerprint(KEY, 's1'));
  });
});
