import { EdgeReplica } from './edge-replica';

// The edge's replica: rp_full replaces, rp_patch and server patches add newer items only, what a
// full lacks is removed, secrets resolve to their environment, and a snapshot restores the same.

const ENV = 'env-a';
const secret = (value: string, type: 'server' | 'client' = 'server') => ({
  type,
  projectKey: 'web',
  envId: ENV,
  envKey: 'dev',
  value,
});
const flag = (id: string, updatedAt: string, extra: Record<string, unknown> = {}) => ({
  id,
  envId: ENV,
  key: id,
  updatedAt,
  ...extra,
});
const segment = (id: string, updatedAt: string) => ({ id, envId: ENV, updatedAt, name: id });
const item = (
  flags: unknown[],
  segments: unknown[] = [],
  secrets = [secret('s1'), secret('c1', 'client')],
) => ({
  envId: ENV,
  secrets,
  featureFlags: flags,
  segments,
});

describe('EdgeReplica', () => {
  it('applies a full sync, resolves secrets and reports cursors', () => {
    const r = new EdgeReplica();
    const out = r.applyRp('rp_full', [
      item([flag('f1', '2026-01-01T00:00:01.000Z')], [segment('g1', '2026-01-01T00:00:02.000Z')]),
    ]);
    expect(out.changes.map((c) => c.kind)).toEqual(['flag', 'segment']);
    expect(r.secretContext('c1')).toMatchObject({
      type: 'client',
      envId: ENV,
      envKey: 'dev',
      projectKey: 'web',
    });
    expect(r.secretContext('nope')).toBeNull();
    expect(r.serverSecret(ENV)).toBe('s1');
    expect(r.cursors().timestamp).toBe(Date.parse('2026-01-01T00:00:02.000Z'));
    expect(r.serves()).toBe('web:dev');
  });

  it('keeps newer items on patches and removes what a later full sync lacks', () => {
    const r = new EdgeReplica();
    r.applyRp('rp_full', [
      item([flag('f1', '2026-01-01T00:00:05.000Z'), flag('f2', '2026-01-01T00:00:01.000Z')]),
    ]);
    const stale = r.applyServerPatch([flag('f1', '2026-01-01T00:00:04.000Z', { isEnabled: false })], []);
    expect(stale.changes).toEqual([]);
    const newer = r.applyServerPatch([flag('f1', '2026-01-01T00:00:06.000Z', { isEnabled: false })], []);
    expect(newer.changes).toHaveLength(1);
    const patch = r.applyRp('rp_patch', [item([], [], [])]);
    expect(patch.changes).toEqual([]);
    expect(r.serverSecret(ENV)).toBe('s1'); // a patch without secrets keeps them
    const full = r.applyRp('rp_full', [item([flag('f1', '2026-01-01T00:00:06.000Z', { isEnabled: false })])]);
    expect(full.changes).toEqual([{ kind: 'removal', removal: { kind: 'flag', envId: ENV, flagId: 'f2' } }]);
    const gone = r.applyRp('rp_full', []);
    expect(gone.changes).toEqual([{ kind: 'removal', removal: { kind: 'environment', envIds: [ENV] } }]);
    expect(r.secretContext('s1')).toBeNull();
  });

  it('skips items that are not flags or segments of a served environment', () => {
    const r = new EdgeReplica();
    const out = r.applyRp('rp_full', [item([{ id: 1 }, flag('f1', 'x', { envId: 'other' })], [null])]);
    expect(out.skipped).toBe(3);
    expect(
      r.applyServerPatch([flag('f9', '2026-01-01T00:00:00.000Z', { envId: 'unknown' })], []).skipped,
    ).toBe(1);
  });

  it('restores what it snapshots and refuses anything else', () => {
    const r = new EdgeReplica();
    r.applyRp('rp_full', [
      item([flag('f1', '2026-01-01T00:00:01.000Z')], [segment('g1', '2026-01-01T00:00:02.000Z')]),
    ]);
    const copy = new EdgeReplica();
    expect(copy.restore(JSON.parse(JSON.stringify(r.snapshot())))).toBe(true);
    expect(copy.snapshot()).toEqual(r.snapshot());
    expect(copy.restore({ version: 2 })).toBe(false);
    expect(copy.restore('garbage')).toBe(false);
    expect(copy.envCount).toBe(1);
  });
});
