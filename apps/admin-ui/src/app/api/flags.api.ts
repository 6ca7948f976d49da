import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client';
import type {
  CopyPrecheckResult,
  CreateFlagRequest,
  FeatureFlag,
  TargetingUpdate,
  Variation,
} from './api.models';
import {
  archiveFeatureFlag,
  cloneFeatureFlag,
  copyFeatureFlagsToEnv,
  createFeatureFlag,
  deleteFeatureFlag,
  getFeatureFlag,
  getFeatureFlagUsage,
  isFeatureFlagKeyUsed,
  listFeatureFlags,
  listFeatureFlagTags,
  precheckCopyFeatureFlags,
  restoreFeatureFlag,
  toggleFeatureFlag,
  updateFeatureFlagDescription,
  updateFeatureFlagName,
  updateFeatureFlagOffVariation,
  updateFeatureFlagTags,
  updateFeatureFlagTargeting,
  updateFeatureFlagVariations,
  type ListFeatureFlags$Params,
} from './generated/functions';

/** The list's filter: the documented query without the environment, nullable where the page resets it. */
export type FlagListFilter = Omit<ListFeatureFlags$Params, 'envId' | 'isEnabled'> & {
  isEnabled?: boolean | null;
};

/** Mutations that change a flag's revision answer with the new revision (or the whole flag). */
export type RevisionResult = string | { revision: string } | FeatureFlag | null;

@Injectable({ providedIn: 'root' })
export class FlagsApi {
  private readonly api = inject(ApiClient);

  list(envId: string, filter: FlagListFilter) {
    return this.api.call(listFeatureFlags, {
      envId,
      name: filter.name || undefined,
      tags: filter.tags,
      isEnabled: filter.isEnabled ?? undefined,
      isArchived: filter.isArchived ?? false,
      pageIndex: filter.pageIndex,
      pageSize: filter.pageSize,
      sortBy: filter.sortBy,
      lifecycle: filter.lifecycle || undefined,
    });
  }

  get(envId: string, key: string) {
    return this.api.call(getFeatureFlag, { envId, key });
  }

  /** When SDKs first and last evaluated the flag (null when never). */
  usage(envId: string, key: string) {
    return this.api.call(getFeatureFlagUsage, { envId, key });
  }

  isKeyUsed(envId: string, key: string) {
    return this.api.call(isFeatureFlagKeyUsed, { envId, key });
  }

  allTags(envId: string) {
    return this.api.call(listFeatureFlagTags, { envId });
  }

  create(envId: string, request: CreateFlagRequest) {
    return this.api.call(createFeatureFlag, { envId, body: request });
  }

  toggle(envId: string, key: string, on: boolean, comment?: string) {
    return this.api.call(toggleFeatureFlag, { envId, key, status: on ? 'true' : 'false', body: { comment } });
  }

  archive(envId: string, key: string, comment?: string): Observable<unknown> {
    return this.api.call(archiveFeatureFlag, { envId, key, body: { comment } });
  }

  restore(envId: string, key: string, comment?: string): Observable<unknown> {
    return this.api.call(restoreFeatureFlag, { envId, key, body: { comment } });
  }

  remove(envId: string, key: string, comment?: string): Observable<unknown> {
    return this.api.call(deleteFeatureFlag, { envId, key, body: { comment } });
  }

  updateName(envId: string, key: string, name: string, comment?: string) {
    return this.api.call(updateFeatureFlagName, { envId, key, body: { name, comment } });
  }

  updateDescription(envId: string, key: string, description: string, comment?: string) {
    return this.api.call(updateFeatureFlagDescription, { envId, key, body: { description, comment } });
  }

  updateTags(envId: string, key: string, tags: string[], comment?: string) {
    return this.api.call(updateFeatureFlagTags, { envId, key, body: { tags, comment } });
  }

  updateOffVariation(envId: string, key: string, offVariationId: string, revision: string, comment?: string) {
    return this.api.call(updateFeatureFlagOffVariation, {
      envId,
      key,
      body: { offVariationId, revision, comment },
    });
  }

  updateVariations(envId: string, key: string, variations: Variation[], revision: string, comment?: string) {
    return this.api.call(updateFeatureFlagVariations, {
      envId,
      key,
      body: { variations, revision, comment },
    });
  }

  updateTargeting(
    envId: string,
    key: string,
    targeting: TargetingUpdate,
    revision: string,
    comment?: string,
  ) {
    return this.api.call(updateFeatureFlagTargeting, { envId, key, body: { targeting, revision, comment } });
  }

  clone(
    envId: string,
    sourceKey: string,
    input: { name: string; key: string; description: string; tags: string[] },
  ) {
    return this.api.call(cloneFeatureFlag, { envId, key: sourceKey, body: input });
  }

  copyPrecheck(envId: string, targetEnvId: string, flagIds: string[]) {
    return this.api.call(precheckCopyFeatureFlags, { envId, targetEnvId, body: flagIds });
  }

  copyToEnv(envId: string, targetEnvId: string, flagIds: string[], precheckResults: CopyPrecheckResult[]) {
    return this.api.call(copyFeatureFlagsToEnv, { envId, targetEnvId, body: { flagIds, precheckResults } });
  }
}

export function revisionOf(result: RevisionResult): string | null {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && 'revision' in result) return result.revision;
  return null;
}
