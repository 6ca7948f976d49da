import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, seg } from './api-client';
import type {
  CopyPrecheckResult,
  CreateFlagRequest,
  FeatureFlag,
  FlagListFilter,
  FlagListItem,
  FlagUsage,
  PagedResult,
  TargetingUpdate,
  Variation,
} from './api.models';

/** Mutations that change a flag's revision answer with the new revision (or the whole flag). */
export type RevisionResult = string | { revision: string } | FeatureFlag | null;

@Injectable({ providedIn: 'root' })
export class FlagsApi {
  private readonly api = inject(ApiClient);

  private base(envId: string): string {
    return `/envs/${seg(envId)}/feature-flags`;
  }

  list(envId: string, filter: FlagListFilter): Observable<PagedResult<FlagListItem>> {
    return this.api.get(this.base(envId), {
      name: filter.name,
      tags: filter.tags,
      isEnabled: filter.isEnabled ?? undefined,
      isArchived: filter.isArchived ?? false,
      pageIndex: filter.pageIndex,
      pageSize: filter.pageSize,
      sortBy: filter.sortBy,
    });
  }

  get(envId: string, key: string): Observable<FeatureFlag> {
    return this.api.get(`${this.base(envId)}/${seg(key)}`);
  }

  /** When SDKs first and last evaluated the flag (null when never). */
  usage(envId: string, key: string): Observable<FlagUsage> {
    return this.api.get(`${this.base(envId)}/${seg(key)}/usage`);
  }

  isKeyUsed(envId: string, key: string): Observable<boolean> {
    return this.api.get(`${this.base(envId)}/is-key-used`, { key });
  }

  allTags(envId: string): Observable<string[]> {
    return this.api.get(`${this.base(envId)}/all-tags`);
  }

  create(envId: string, request: CreateFlagRequest): Observable<FeatureFlag> {
    return this.api.post(this.base(envId), request);
  }

  toggle(envId: string, key: string, on: boolean, comment?: string): Observable<RevisionResult> {
    return this.api.put(`${this.base(envId)}/${seg(key)}/toggle/${on ? 'true' : 'false'}`, { comment });
  }

  archive(envId: string, key: string, comment?: string): Observable<unknown> {
    return this.api.put(`${this.base(envId)}/${seg(key)}/archive`, { comment });
  }

  restore(envId: string, key: string, comment?: string): Observable<unknown> {
    return this.api.put(`${this.base(envId)}/${seg(key)}/restore`, { comment });
  }

  remove(envId: string, key: string, comment?: string): Observable<unknown> {
    return this.api.delete(`${this.base(envId)}/${seg(key)}`, { comment });
  }

  updateName(envId: string, key: string, name: string, comment?: string): Observable<RevisionResult> {
    return this.api.put(`${this.base(envId)}/${seg(key)}/name`, { name, comment });
  }

  updateDescription(
    envId: string,
    key: string,
    description: string,
    comment?: string,
  ): Observable<RevisionResult> {
    return this.api.put(`${this.base(envId)}/${seg(key)}/description`, { description, comment });
  }

  updateTags(envId: string, key: string, tags: string[], comment?: string): Observable<RevisionResult> {
    return this.api.put(`${this.base(envId)}/${seg(key)}/tags`, { tags, comment });
  }

  updateOffVariation(
    envId: string,
    key: string,
    offVariationId: string,
    revision: string,
    comment?: string,
  ): Observable<RevisionResult> {
    return this.api.put(`${this.base(envId)}/${seg(key)}/off-variation`, {
      offVariationId,
      revision,
      comment,
    });
  }

  updateVariations(
    envId: string,
    key: string,
    variations: Variation[],
    revision: string,
    comment?: string,
  ): Observable<RevisionResult> {
    return this.api.put(`${this.base(envId)}/${seg(key)}/variations`, { variations, revision, comment });
  }

  updateTargeting(
    envId: string,
    key: string,
    targeting: TargetingUpdate,
    revision: string,
    comment?: string,
  ): Observable<RevisionResult> {
    return this.api.put(`${this.base(envId)}/${seg(key)}/targeting`, { targeting, revision, comment });
  }

  clone(
    envId: string,
    sourceKey: string,
    input: { name: string; key: string; description: string; tags: string[] },
  ): Observable<FeatureFlag> {
    return this.api.post(`${this.base(envId)}/clone/${seg(sourceKey)}`, input);
  }

  copyPrecheck(envId: string, targetEnvId: string, flagIds: string[]): Observable<CopyPrecheckResult[]> {
    return this.api.post(`${this.base(envId)}/copy-to-env-precheck/${seg(targetEnvId)}`, flagIds);
  }

  copyToEnv(
    envId: string,
    targetEnvId: string,
    flagIds: string[],
    precheckResults: CopyPrecheckResult[],
  ): Observable<{ copiedCount: number }> {
    return this.api.post(`${this.base(envId)}/copy-to-env/${seg(targetEnvId)}`, { flagIds, precheckResults });
  }
}

export function revisionOf(result: RevisionResult): string | null {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && 'revision' in result) return result.revision;
  return null;
}
