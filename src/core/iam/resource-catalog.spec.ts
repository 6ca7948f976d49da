import { buildCatalog, type CatalogSpace } from './resource-catalog';

const space: CatalogSpace = {
  organization: { id: 'o1', name: 'Acme', key: 'acme' },
  projects: [
    {
      id: 'p1',
      name: 'Web',
      key: 'web',
      envs: [
        {
          id: 'e1',
          name: 'Prod',
          key: 'prod',
          flags: [{ id: 'f1', name: 'Checkout', key: 'checkout', tags: ['ui'] }],
          segments: [{ id: 's1', name: 'Beta', key: 'beta', tags: [] }],
        },
      ],
    },
  ],
};
const base = { v2: false, workspaceLevel: false, limit: 100 };

describe('buildCatalog', () => {
  it('lists v1 entries with the wildcard first and FeatBit’s resource names', () => {
    expect(buildCatalog([space], { ...base, types: ['env', 'flag'] })).toEqual([
      {
        id: 'c62ed37a-74a9-4987-8ef4-b5a16127f307',
        name: 'env',
        pathName: 'env',
        rn: 'project/*:env/*',
        type: 'env',
      },
      { id: 'e1', name: 'Prod', pathName: 'Web/Prod', rn: 'project/web:env/prod', type: 'env' },
      expect.objectContaining({ rn: 'project/*:env/*:flag/*', type: 'flag' }),
      expect.objectContaining({ id: 'f1', rn: 'project/web:env/prod:flag/checkout;ui' }),
    ]);
  });

  it('prefixes v2 names with the organization and the path with its name at workspace level', () => {
    const entries = buildCatalog([space], {
      ...base,
      v2: true,
      workspaceLevel: true,
      types: ['segment', 'iam'],
    });
    expect(entries).toEqual([
      expect.objectContaining({ rn: 'organization/*:project/*:env/*:segment/*' }),
      {
        id: 's1',
        name: 'Beta',
        pathName: 'Acme/Web/Prod/Beta',
        rn: 'organization/acme:project/web:env/prod:segment/beta',
        type: 'segment',
      },
      expect.objectContaining({ rn: 'organization/*:iam/*', type: 'iam' }),
    ]);
  });

  it('filters by name without the wildcard and keeps to the limit', () => {
    expect(buildCatalog([space], { ...base, types: ['project', 'organization'], name: 'WE' })).toEqual([
      { id: 'p1', name: 'Web', pathName: 'Web', rn: 'project/web', type: 'project' },
    ]);
    expect(buildCatalog([space, space], { ...base, types: ['project'], name: 'web', limit: 1 })).toHaveLength(
      1,
    );
  });
});
