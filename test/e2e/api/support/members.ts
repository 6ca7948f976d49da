import type { PolicyStatementDto } from '../../../../src/api/iam/policy.dto';
import type { ApiApp } from './api-app';

/** Adds a member whose only policy holds `statements` and signs them in (a fork of `api`). */
export async function memberWith(
  api: ApiApp,
  email: string,
  policyKey: string,
  statements: Omit<PolicyStatementDto, 'id'>[],
): Promise<ApiApp> {
  const policy = await api.post('/api/v1/policies', { name: policyKey, key: policyKey });
  const set = await api.put(`/api/v1/policies/${policy.body.data.id}/statements`, statements);
  if (set.status !== 200) throw new Error(`statements refused: ${set.raw}`);
  const added = await api.post('/api/v1/members/add', { email, policyIds: [policy.body.data.id] });
  if (added.status !== 200) throw new Error(`member refused: ${added.raw}`);
  return api.fork().loginAs(email, added.body.data.initialPassword);
}

/** Reads every environment and project; no writes, no IAM. */
export const ENV_READER: Omit<PolicyStatementDto, 'id'>[] = [
  { resourceType: 'env', effect: 'allow', actions: ['CanAccessEnv'], resources: ['project/*:env/*'] },
  { resourceType: 'project', effect: 'allow', actions: ['CanAccessProject'], resources: ['project/*'] },
];
