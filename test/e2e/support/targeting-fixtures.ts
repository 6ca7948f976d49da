import { randomUUID } from 'node:crypto';
import type { FeatureFlag, TargetRule, VariationType } from '../../../src/core/flags/feature-flag';
import type { DataStore } from '../../../src/core/ports/data-store.port';
import type { Segment } from '../../../src/core/segments/segment';
import { newEnvironment } from '../../../src/core/tenancy/tenancy-factory';
import type { Environment } from '../../../src/core/tenancy/tenancy';

// Builders for flags, segments and a tenancy (workspace → org → project → environment) written
// straight into a DataStore, for suites that run before or without the management API.

export interface SeededEnvironment {
  workspaceId: string;
  organizationKey: string;
  projectKey: string;
  env: Environment;
  serverSecret: string;
  clientSecret: string;
}

export async function seedEnvironment(store: DataStore, key = 'e2e'): Promise<SeededEnvironment> {
  const now = new Date().toISOString();
  const suffix = randomUUID().slice(0, 8);
  const workspaceId = randomUUID();
  const orgId = randomUUID();
  const projectId = randomUUID();
  await store.workspaces.create({
    id: workspaceId,
    name: 'E2E',
    key: `ws-${suffix}`,
    license: null,
    sso: null,
    createdAt: now,
    updatedAt: now,
  });
  const organizationKey = `org-${suffix}`;
  await store.organizations.create({
    id: orgId,
    workspaceId,
    name: 'E2E',
    key: organizationKey,
    initialized: true,
    defaultPermissions: { policyIds: [], groupIds: [] },
    settings: {},
    createdAt: now,
    updatedAt: now,
  });
  const projectKey = `proj-${suffix}`;
  await store.projects.create({
    id: projectId,
    organizationId: orgId,
    name: 'E2E',
    key: projectKey,
    createdAt: now,
    updatedAt: now,
  });
  const env = await store.environments.create(
    newEnvironment({ id: randomUUID(), projectId, name: key, key, now, newId: randomUUID }),
  );
  return {
    workspaceId,
    organizationKey,
    projectKey,
    env,
    serverSecret: env.secrets.find((s) => s.type === 'server')!.value,
    clientSecret: env.secrets.find((s) => s.type === 'client')!.value,
  };
}

const VALUES: Record<VariationType, [string, string]> = {
  boolean: ['true', 'false'],
  string: ['blue', 'green'],
  number: ['42', '7.5'],
  json: ['{"size":"L","tags":["a"]}', '{"size":"S"}'],
};

/** A flag with two variations (first = on-value, second = off/default) and no rules. */
export function buildFlag(
  envId: string,
  key: string,
  type: VariationType = 'boolean',
  extra: Partial<FeatureFlag> = {},
): FeatureFlag {
  const now = new Date().toISOString();
  const [first, second] = VALUES[type];
  const a = randomUUID();
  const b = randomUUID();
  return {
    id: randomUUID(),
    envId,
    revision: randomUUID(),
    name: key,
    description: '',
    key,
    variationType: type,
    variations: [
      { id: a, name: 'A', value: first },
      { id: b, name: 'B', value: second },
    ],
    targetUsers: [],
    rules: [],
    isEnabled: true,
    disabledVariationId: b,
    fallthrough: {
      dispatchKey: null,
      includedInExpt: true,
      variations: [{ id: b, rollout: [0, 1], exptRollout: 1 }],
    },
    exptIncludeAllTargets: true,
    tags: [],
    isArchived: false,
    creatorId: randomUUID(),
    updatorId: randomUUID(),
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
}

/** A rule serving the first variation when `property` equals `value`. */
export function ruleServingFirst(
  flag: FeatureFlag,
  name: string,
  property: string,
  op: string,
  value: string,
): TargetRule {
  return {
    id: randomUUID(),
    name,
    dispatchKey: null,
    includedInExpt: false,
    conditions: [{ id: randomUUID(), property, op, value }],
    variations: [{ id: flag.variations[0].id, rollout: [0, 1], exptRollout: 1 }],
  };
}

/** Same flag, next version: updatedAt moves forward (at least 1 ms) and the revision changes. */
export function nextVersion(flag: FeatureFlag, change: Partial<FeatureFlag>): FeatureFlag {
  const updatedAt = new Date(Math.max(Date.now(), Date.parse(flag.updatedAt) + 1)).toISOString();
  return { ...flag, ...change, revision: randomUUID(), updatedAt };
}

export function buildSegment(seeded: SeededEnvironment, key: string, included: string[]): Segment {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    workspaceId: seeded.workspaceId,
    envId: seeded.env.id,
    name: key,
    key,
    type: 'environment-specific',
    scopes: [],
    description: '',
    included,
    excluded: [],
    rules: [],
    tags: [],
    isArchived: false,
    createdAt: now,
    updatedAt: now,
  };
}
