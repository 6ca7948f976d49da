jest.setTimeout(60_000);
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';

// JSON Patch (RFC 6902) on a flag's editable fields, with a revision test for concurrency.
describe('feature flag JSON Patch (e2e, in-process)', () => {
  let api: ApiApp;
  let base: string;

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    base = `/api/v1/envs/${await api.envId('dev')}/feature-flags`;
    await api.post(base, boolFlag('patched'));
  });
  afterAll(() => api.close());

  it('sets a rollout with a revision test, refuses stale revisions, read-only paths and invalid results', async () => {
    const flag = (await api.get(`${base}/patched`)).body.data;
    const [on, off] = flag.variations;
    const rollout = [
      { id: on.id, rollout: [0, 0.2], exptRollout: 1 },
      { id: off.id, rollout: [0.2, 1], exptRollout: 1 },
    ];
    const res = await api.request('PATCH', `${base}/patched`, {
      body: [
        { op: 'test', path: '/revision', value: flag.revision },
        { op: 'replace', path: '/fallthrough/variations', value: rollout },
        { op: 'replace', path: '/isEnabled', value: true },
        { op: 'add', path: '/tags/-', value: 'patched' },
      ],
    });
    expect(res.status).toBe(200);
    const after = (await api.get(`${base}/patched`)).body.data;
    expect(after).toMatchObject({ revision: res.body.data, isEnabled: true, tags: ['patched'] });
    expect(after.fallthrough.variations).toEqual(rollout);

    const stale = await api.request('PATCH', `${base}/patched`, {
      body: [
        { op: 'test', path: '/revision', value: flag.revision },
        { op: 'replace', path: '/name', value: 'x' },
      ],
    });
    expect(stale.status).toBe(409);
    const readOnly = await api.request('PATCH', `${base}/patched`, {
      body: [{ op: 'replace', path: '/key', value: 'other' }],
    });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.errors).toEqual(['patch_is_invalid']);
    const gap = await api.request('PATCH', `${base}/patched`, {
      body: [{ op: 'replace', path: '/fallthrough/variations/0/rollout', value: [0, 0.1] }],
    });
    expect(gap.status).toBe(400);
    expect(gap.body.errors).toEqual(['fallthrough_is_invalid']);
    const wrongType = await api.request('PATCH', `${base}/patched`, {
      body: [{ op: 'replace', path: '/isEnabled', value: 'yes' }],
    });
    expect(wrongType.body.errors).toEqual(['isEnabled_is_invalid']);
    expect((await api.get(`${base}/patched`)).body.data.revision).toBe(res.body.data);
  });
});
