import type { Policy, PolicyStatement } from './iam';

// The three built-in (SysManaged) policies every organization can use
// (docs/reference/iam.md#built-in-policies). Their ids are fixed so that they can be referenced from seeds
// and from policies in exports.

export const OWNER_POLICY_ID = '00000000-0000-4000-8000-00000000f001';
export const ADMINISTRATOR_POLICY_ID = '00000000-0000-4000-8000-00000000f002';
export const DEVELOPER_POLICY_ID = '00000000-0000-4000-8000-00000000f003';

const allow = (
  id: string,
  resourceType: string,
  actions: string[],
  resources: string[],
): PolicyStatement => ({
  id,
  resourceType,
  effect: 'allow',
  actions,
  resources,
});

const FLAGS_AND_SEGMENTS = [
  allow('b1e0c1d2-0000-4000-8000-000000000101', 'flag', ['*'], ['project/*:env/*:flag/*']),
  allow('b1e0c1d2-0000-4000-8000-000000000102', 'segment', ['*'], ['project/*:env/*:segment/*']),
];

export function builtInPolicies(at: string): Policy[] {
  const base = { organizationId: null, type: 'SysManaged' as const, createdAt: at, updatedAt: at };
  return [
    {
      ...base,
      id: OWNER_POLICY_ID,
      name: 'Owner',
      key: 'owner',
      description: 'Full access to every resource of the organization and its workspace',
      statements: [allow('b1e0c1d2-0000-4000-8000-000000000001', '*', ['*'], ['*'])],
    },
    {
      ...base,
      id: ADMINISTRATOR_POLICY_ID,
      name: 'Administrator',
      key: 'administrator',
      description: 'Manage the organization, IAM, projects, environments, flags and segments',
      statements: [
        allow('b1e0c1d2-0000-4000-8000-000000000011', 'organization', ['*'], ['organization/*']),
        allow('b1e0c1d2-0000-4000-8000-000000000012', 'iam', ['CanManageIAM'], ['iam/*']),
        allow('b1e0c1d2-0000-4000-8000-000000000013', 'access-token', ['*'], ['access-token/*']),
        allow('b1e0c1d2-0000-4000-8000-000000000014', 'relay-proxy', ['*'], ['relay-proxy/*']),
        allow('b1e0c1d2-0000-4000-8000-000000000015', 'project', ['*'], ['project/*']),
        allow('b1e0c1d2-0000-4000-8000-000000000016', 'env', ['*'], ['project/*:env/*']),
        allow('b1e0c1d2-0000-4000-8000-000000000017', 'workspace', ['*'], ['workspace/*']),
        ...FLAGS_AND_SEGMENTS,
      ],
    },
    {
      ...base,
      id: DEVELOPER_POLICY_ID,
      name: 'Developer',
      key: 'developer',
      description: 'Work with flags and segments in every project and environment',
      statements: [
        allow('b1e0c1d2-0000-4000-8000-000000000021', 'access-token', ['*'], ['access-token/*']),
        allow('b1e0c1d2-0000-4000-8000-000000000022', 'relay-proxy', ['*'], ['relay-proxy/*']),
        allow('b1e0c1d2-0000-4000-8000-000000000025', 'organization', ['ListWebhooks'], ['organization/*']),
        allow('b1e0c1d2-0000-4000-8000-000000000023', 'project', ['CanAccessProject'], ['project/*']),
        allow(
          'b1e0c1d2-0000-4000-8000-000000000024',
          'env',
          ['CanAccessEnv', 'CanAccessEnvSecrets', 'ManageEndUsers', 'ManageExperiments'],
          ['project/*:env/*'],
        ),
        ...FLAGS_AND_SEGMENTS,
      ],
    },
  ];
}
