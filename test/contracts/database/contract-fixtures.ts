// Builders for the data-store contract suite: valid core models with fresh ids, so tests share
// one database without seeing each other's rows.
import { randomUUID } from 'node:crypto';
import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import type { Segment } from '../../../src/core/segments/segment';
import type {
  Environment,
  Organization,
  Project,
  UserAccount,
  Workspace,
} from '../../../src/core/tenancy/tenancy';

export const newId = (): string => randomUUID();

/** A fixed base time with ms precision; `at(n)` is n seconds later. */
const BASE = Date.parse('2025-03-01T10:00:00.000Z');
export const at = (seconds: number, ms = 0): string => new Date(BASE + seconds * 1000 + ms).toISOString();

export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function workspace(overrides: Partial<Workspace> = {}): Workspace {
  const id = newId();
  return {
    id,
    name: 'Workspace',
    key: `ws-${id.slice(0, 8)}`,
    license: null,
    sso: null,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

export function user(overrides: Partial<UserAccount> = {}): UserAccount {
  const id = newId();
  return {
    id,
    email: `user-${id.slice(0, 8)}@example.com`,
    name: `User ${id.slice(0, 4)}`,
    passwordHash: 'pbkdf2$x',
    origin: 'Local',
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

export function organization(workspaceId: string, overrides: Partial<Organization> = {}): Organization {
  const id = newId();
  return {
    id,
    workspaceId,
    name: 'Org',
    key: `org-${id.slice(0, 8)}`,
    initialized: false,
    defaultPermissions: { policyIds: [], groupIds: [] },
    settings: {},
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

export function project(organizationId: string, overrides: Partial<Project> = {}): Project {
  const id = newId();
  return {
    id,
    organizationId,
    name: 'Project',
    key: `p-${id.slice(0, 8)}`,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

export function environment(projectId: string, overrides: Partial<Environment> = {}): Environment {
  const id = newId();
  return {
    id,
    projectId,
    name: 'Env',
    key: `e-${id.slice(0, 8)}`,
    description: '',
    secrets: [
      { id: newId(), name: 'server', type: 'server', value: `srv-${randomUUID()}` },
      { id: newId(), name: 'client', type: 'client', value: `cli-${randomUUID()}` },
    ],
    settings: {},
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

export function flag(envId: string, overrides: Partial<FeatureFlag> = {}): FeatureFlag {
  const id = newId();
  const on = newId();
  const off = newId();
  return {
    id,
    envId,
    revision: newId(),
    name: `Flag ${id.slice(0, 6)}`,
    description: 'a flag',
    key: `flag-${id.slice(0, 8)}`,
    variationType: 'boolean',
    variations: [
      { id: on, name: 'on', value: 'true' },
      { id: off, name: 'off', value: 'false' },
    ],
    targetUsers: [{ keyIds: ['alice', 'bob'], variationId: on }],
    rules: [
      {
        id: newId(),
        name: 'country',
        dispatchKey: null,
        includedInExpt: false,
        conditions: [{ id: newId(), property: 'country', op: 'IsOneOf', value: '["cn","us"]' }],
        variations: [
          { id: on, rollout: [0, 0.5], exptRollout: 1 },
          { id: off, rollout: [0.5, 1], exptRollout: 1 },
        ],
      },
    ],
    isEnabled: true,
    disabledVariationId: off,
    fallthrough: {
      dispatchKey: 'keyId',
      includedInExpt: true,
      variations: [{ id: on, rollout: [0, 1], exptRollout: 1 }],
    },
    exptIncludeAllTargets: true,
    tags: ['web'],
    isArchived: false,
    creatorId: newId(),
    updatorId: newId(),
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

export function segment(workspaceId: string, envId: string, overrides: Partial<Segment> = {}): Segment {
  const id = newId();
  return {
    id,
    workspaceId,
    envId,
    name: `Segment ${id.slice(0, 6)}`,
    key: `seg-${id.slice(0, 8)}`,
    type: 'environment-specific',
    scopes: [],
    description: '',
    included: ['alice'],
    excluded: ['mallory'],
    rules: [
      { id: newId(), name: 'r', conditions: [{ id: newId(), property: 'plan', op: 'Equal', value: 'pro' }] },
    ],
    tags: ['beta'],
    isArchived: false,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

/** Settles every promise and splits outcomes, for concurrency assertions. */
export async function settle<T>(promises: Promise<T>[]): Promise<{ fulfilled: T[]; rejected: unknown[] }> {
  const fulfilled: T[] = [];
  const rejected: unknown[] = [];
  for (const r of await Promise.allSettled(promises)) {
    if (r.status === 'fulfilled') fulfilled.push(r.value);
    else rejected.push(r.reason);
  }
  return { fulfilled, rejected };
}
