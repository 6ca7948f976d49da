import { ADMINISTRATOR_POLICY_ID, DEVELOPER_POLICY_ID, OWNER_POLICY_ID } from '@domain/iam/built-in-policies';

// The built-in policies (src/core/iam/built-in-policies.ts) are server data with fixed ids and English
// names; the console shows them in its language. Policies people make are shown as they are.

const BUILT_IN: Readonly<Record<string, { name: string; description: string }>> = {
  [OWNER_POLICY_ID]: {
    name: $localize`:built-in policy name:Owner`,
    description: $localize`:built-in policy description:Full access to every resource of the organization and its workspace`,
  },
  [ADMINISTRATOR_POLICY_ID]: {
    name: $localize`:built-in policy name:Administrator`,
    description: $localize`:built-in policy description:Manage the organization, IAM, projects, environments, flags and segments`,
  },
  [DEVELOPER_POLICY_ID]: {
    name: $localize`:built-in policy name:Developer`,
    description: $localize`:built-in policy description:Work with flags and segments in every project and environment`,
  },
};

interface NamedPolicy {
  id: string;
  name: string;
  description?: string;
}

/** A policy as the console shows it: a built-in one's name and description in the console's language. */
export function shownPolicy<P extends NamedPolicy>(policy: P): P {
  const text = Object.hasOwn(BUILT_IN, policy.id) ? BUILT_IN[policy.id] : undefined;
  if (!text) return policy;
  return 'description' in policy ? { ...policy, ...text } : { ...policy, name: text.name };
}

/** A page of policies as the console shows them. */
export function shownPolicies<T extends { items: NamedPolicy[] }>(page: T): T {
  return { ...page, items: page.items.map(shownPolicy) };
}
