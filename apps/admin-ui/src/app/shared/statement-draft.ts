import { isPermissionAction, RESOURCE_TYPES, resourceTypeOf } from '@domain/iam/permissions';
import { isValidResourcePattern } from '@domain/iam/resource-name';
import type { PolicyStatementDto } from '../api/generated/models';
import type { StatementLike } from './permissions';

// The statement editor's model: resources are typed one per line (or picked), and a draft is only
// saved when it passes the rules of src/core/iam/statement-validation.ts. Those rules are repeated
// here on the same core helpers (action catalogue, resource-name shape) because that module's
// problem type comes from the flag validation, which would pull the evaluation engine into the
// console bundle.

export interface StatementDraft {
  effect: 'allow' | 'deny';
  resourceType: string;
  actions: string[];
  /** One resource name per line, e.g. `project/*:env/*:flag/*` (wildcards allowed). */
  resourcesText: string;
}

/** Example resource names per type, shown as the field's hint and used as the default. */
export const RESOURCE_EXAMPLES: Record<string, string> = {
  '*': '*',
  workspace: 'workspace/*',
  organization: 'organization/*',
  iam: 'iam/*',
  'access-token': 'access-token/*',
  'relay-proxy': 'relay-proxy/*',
  project: 'project/*',
  env: 'project/*:env/*',
  flag: 'project/*:env/*:flag/*',
  segment: 'project/*:env/*:segment/*',
};

export function newDraft(resourceType = 'flag'): StatementDraft {
  return { effect: 'allow', resourceType, actions: [], resourcesText: RESOURCE_EXAMPLES[resourceType] ?? '' };
}

export function draftOf(s: StatementLike): StatementDraft {
  return {
    effect: s.effect,
    resourceType: s.resourceType,
    actions: [...s.actions],
    resourcesText: s.resources.join('\n'),
  };
}

export function resourcesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((r) => r.trim())
        .filter((r) => r.length > 0),
    ),
  ];
}

export function statementOf(draft: StatementDraft): PolicyStatementDto {
  return {
    effect: draft.effect,
    // An unknown type cannot come from the editor's select; validation reports it anyway.
    resourceType: draft.resourceType as PolicyStatementDto['resourceType'],
    actions: [...draft.actions],
    resources: resourcesOf(draft.resourcesText),
  };
}

/** Problems of each draft (index → messages); an empty map means every statement can be saved. */
export function draftProblems(drafts: readonly StatementDraft[]): Map<number, string[]> {
  const byIndex = new Map<number, string[]>();
  drafts.forEach((draft, index) => {
    const messages = statementProblems(statementOf(draft));
    if (messages.length > 0) byIndex.set(index, messages);
  });
  return byIndex;
}

function statementProblems(s: StatementLike): string[] {
  const problems: string[] = [];
  const knownType = (RESOURCE_TYPES as readonly string[]).includes(s.resourceType);
  if (!knownType)
    problems.push($localize`:statement problem:unknown resource type ${s.resourceType}:resourceType:`);
  if (s.effect !== 'allow' && s.effect !== 'deny')
    problems.push($localize`:statement problem:effect is allow or deny`);
  if (s.actions.length === 0) problems.push($localize`:statement problem:at least one action`);
  for (const action of s.actions) {
    if (action === '*') continue;
    if (!isPermissionAction(action))
      problems.push($localize`:statement problem:unknown action ${action}:action:`);
    else if (knownType && s.resourceType !== '*' && resourceTypeOf(action) !== s.resourceType)
      problems.push(
        $localize`:statement problem:${action}:action: applies to ${resourceTypeOf(action)}:actionType:, not ${s.resourceType}:resourceType:`,
      );
  }
  if (s.resources.length === 0) problems.push($localize`:statement problem:at least one resource`);
  for (const pattern of s.resources)
    if (!isValidResourcePattern(pattern))
      problems.push($localize`:statement problem:invalid resource name ${pattern}:resource:`);
  return problems;
}
