import { RN } from './resource-name';

// FeatBit's resource picker (ResourceController, Domain/Resources/Resource.cs and ResourceV2.cs): the
// resources of a space with their resource names, v1 without and v2 with the `organization/{key}:` prefix.
// Without a name filter each type starts with its "all" wildcard entry (FeatBit's fixed ids).

export const CATALOG_TYPES = [
  '*',
  'workspace',
  'organization',
  'iam',
  'access-token',
  'relay-proxy',
  'project',
  'env',
  'flag',
  'segment',
] as const;
export type CatalogType = (typeof CATALOG_TYPES)[number];

export interface CatalogEntry {
  id: string;
  name: string;
  /** v2 only: the names of the path, e.g. `Org/Project/Env`. */
  pathName: string;
  rn: string;
  type: CatalogType;
}

/** FeatBit's "all" entries: id, name, and the v1 RN (v2 puts `organization/*:` before it). */
const ALL: Record<CatalogType, { id: string; name: string; rn: string }> = {
  '*': { id: '2bdcb290-2e1b-40d7-bdd1-697fb2193292', name: 'all', rn: '*' },
  // Not in FeatBit's list (its workspace actions are not picked per resource): an id of our own.
  workspace: { id: '7c06a4b9-7a23-4f3e-8f14-3fe6e2f9b3a1', name: 'workspace', rn: RN.workspace() },
  organization: { id: 'e394832e-bd98-43de-b174-e0c98e03d19d', name: 'organization', rn: RN.organization() },
  iam: { id: 'd8791bd2-ca85-4629-a439-1dce20764211', name: 'iam', rn: RN.iam() },
  'access-token': { id: '150083da-e20f-4670-948c-b842cf8a91a4', name: 'access token', rn: RN.accessToken() },
  'relay-proxy': { id: 'fef122fb-0b20-4556-b830-5863850e8092', name: 'relay-proxy', rn: RN.relayProxy() },
  project: { id: 'e77679a2-e79b-43e5-aa9f-fd6c980239be', name: 'project', rn: 'project/*' },
  env: { id: 'c62ed37a-74a9-4987-8ef4-b5a16127f307', name: 'env', rn: 'project/*:env/*' },
  flag: { id: 'cc97e362-9688-44b6-9532-2f82f19e1316', name: 'flag', rn: 'project/*:env/*:flag/*' },
  segment: { id: 'f03a822a-047f-11ee-be56-0242ac120002', name: 'segment', rn: 'project/*:env/*:segment/*' },
};

/** Wildcards at or above the organization keep their v1 form in v2. */
const UNPREFIXED: ReadonlySet<CatalogType> = new Set(['*', 'workspace', 'organization']);

/** Types that exist once per space: only their wildcard entry is listed. */
const SINGLETONS: ReadonlySet<CatalogType> = new Set([
  '*',
  'workspace',
  'iam',
  'access-token',
  'relay-proxy',
]);

export interface CatalogSpace {
  organization: { id: string; name: string; key: string };
  projects: {
    id: string;
    name: string;
    key: string;
    envs: {
      id: string;
      name: string;
      key: string;
      flags: { id: string; name: string; key: string; tags: string[] }[];
      segments: { id: string; name: string; key: string; tags: string[] }[];
    }[];
  }[];
}

export interface CatalogQuery {
  types: readonly CatalogType[];
  /** Case-insensitive substring of the name. */
  name?: string;
  /** v2: organization prefix on RNs and path names. */
  v2: boolean;
  /** v2 at workspace level: path names start with the organization's name. */
  workspaceLevel: boolean;
  /** At most this many entries per type (the wildcard excluded). */
  limit: number;
}

/** The entries of the spaces (one organization, or each of a workspace's) for the query, in type order. */
export function buildCatalog(spaces: readonly CatalogSpace[], query: CatalogQuery): CatalogEntry[] {
  const text = query.name?.trim().toLowerCase() ?? '';
  const out: CatalogEntry[] = [];
  for (const type of query.types) {
    if (!text) {
      const all = ALL[type];
      const rn = query.v2 && !UNPREFIXED.has(type) ? `organization/*:${all.rn}` : all.rn;
      out.push({ id: all.id, name: all.name, pathName: all.name, rn, type });
    }
    if (SINGLETONS.has(type)) continue;
    const items = entriesOf(spaces, type, query).filter((e) => !text || e.name.toLowerCase().includes(text));
    out.push(...items.slice(0, query.limit));
  }
  return out;
}

function entriesOf(spaces: readonly CatalogSpace[], type: CatalogType, query: CatalogQuery): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const { organization: org, projects } of spaces) {
    const prefix = query.v2 ? `organization/${org.key}:` : '';
    const path = (...names: string[]) => (query.workspaceLevel ? [org.name, ...names] : names).join('/');
    if (type === 'organization') {
      out.push({ id: org.id, name: org.name, pathName: org.name, rn: `organization/${org.key}`, type });
      continue;
    }
    for (const p of projects) {
      if (type === 'project') {
        out.push({ id: p.id, name: p.name, pathName: path(p.name), rn: prefix + RN.project(p.key), type });
        continue;
      }
      for (const e of p.envs) {
        if (type === 'env') {
          out.push({
            id: e.id,
            name: e.name,
            pathName: path(p.name, e.name),
            rn: prefix + RN.env(p.key, e.key),
            type,
          });
        } else if (type === 'flag') {
          for (const f of e.flags) {
            const rn = prefix + RN.flag(p.key, e.key, f.key, f.tags);
            out.push({ id: f.id, name: f.name, pathName: path(p.name, e.name, f.name), rn, type });
          }
        } else if (type === 'segment') {
          for (const s of e.segments) {
            const rn = prefix + RN.segment(p.key, e.key, s.key, s.tags);
            out.push({ id: s.id, name: s.name, pathName: path(p.name, e.name, s.name), rn, type });
          }
        }
      }
    }
  }
  return out;
}
