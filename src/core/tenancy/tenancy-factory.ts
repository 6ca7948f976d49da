import { BUILT_IN_USER_PROPERTIES, type EndUserPropertyDefinition } from '../end-users/end-user';
import { createEnvironmentSecret } from './secret-format';
import type { Environment, EnvironmentSecret } from './tenancy';

/** New environments get one server and one client secret (FeatBit's "Server Key"/"Client Key"). */
export function newEnvironment(input: {
  id: string;
  projectId: string;
  name: string;
  key: string;
  description?: string;
  now: string;
  newId: () => string;
}): Environment {
  const secret = (name: string, type: EnvironmentSecret['type']): EnvironmentSecret => ({
    id: input.newId(),
    name,
    type,
    value: createEnvironmentSecret(input.id, input.newId()),
  });
  return {
    id: input.id,
    projectId: input.projectId,
    name: input.name,
    key: input.key,
    description: input.description ?? '',
    secrets: [secret('Server Key', 'server'), secret('Client Key', 'client')],
    settings: { requireChangeComment: false },
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** The built-in `keyId` and `name` attributes every environment's catalogue starts with. */
export function builtInUserProperties(
  envId: string,
  now: string,
  newId: () => string,
): EndUserPropertyDefinition[] {
  return BUILT_IN_USER_PROPERTIES.map((name) => ({
    id: newId(),
    envId,
    name,
    presetValues: [],
    usePresetValuesOnly: false,
    isBuiltIn: true,
    isDigestField: false,
    remark: '',
    createdAt: now,
    updatedAt: now,
  }));
}

/** FeatBit creates Prod and Dev with every new project; the first-boot project gets the same. */
export const DEFAULT_ENVIRONMENTS = [
  { name: 'Dev', key: 'dev' },
  { name: 'Prod', key: 'prod' },
] as const;
