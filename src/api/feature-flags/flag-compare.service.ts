import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import {
  type CopyPart,
  copySettings,
  diffFlags,
  type FlagCopyOptions,
  summarizeDiff,
} from '../../core/flags/flag-compare';
import { referencedSegmentIds } from '../../core/flags/flag-validation';
import type { PermissionAction } from '../../core/iam/permissions';
import { RN } from '../../core/iam/resource-name';
import { type FlagFilter, FlagRepository, SegmentRepository } from '../../core/ports/targeting.repositories';
import type { Actor } from '../../core/iam/actor';
import type { Environment, Organization, Project } from '../../core/tenancy/tenancy';
import { AuditTrail } from '../audit/audit-trail.service';
import { BusinessRuleError, ForbiddenError, ValidationFailedError } from '../http/api-errors';
import type { CompareFlagDetailDto, CompareFlagOverviewPageDto } from './flag-compare.dto';
import { FlagMutations } from './flag-mutation.service';
import { FlagTargeting } from './flag-targeting.service';

/** Whether the caller holds a permission on a resource (from the request's IAM context). */
export type PermissionCheck = (action: PermissionAction, resource: string) => boolean;

/** An environment with its project, as TenantLookup resolves it. */
export interface EnvInProject {
  env: Environment;
  project: Project;
}

/** 422 code of a copy refused because a chosen part cannot be copied (reasons in `data`). */
export const FLAG_SETTINGS_NOT_COPYABLE = 'FlagSettingsNotCopyable';

/** The permission each copied part needs on the target flag (as the matching single-part routes). */
const PART_PERMISSIONS: Record<keyof FlagCopyOptions, PermissionAction> = {
  onOffState: 'ToggleFlag',
  individualTargeting: 'UpdateFlagIndividualTargeting',
  targetingRule: 'UpdateFlagTargetingRules',
  defaultRule: 'UpdateFlagDefaultRule',
  offVariation: 'UpdateFlagOffVariation',
};

const chosen = (options: FlagCopyOptions, part: keyof FlagCopyOptions): boolean => {
  const value = options[part];
  return typeof value === 'boolean' ? value : value.copy;
};

const envName = (e: EnvInProject) => `${e.project.name}/${e.env.name}`;

/** Comparing a flag across environments and copying chosen parts (FeatBit's flag comparison). */
@Injectable()
export class FlagCompare {
  constructor(
    private readonly flags: FlagRepository,
    private readonly segments: SegmentRepository,
    private readonly targeting: FlagTargeting,
    private readonly mutations: FlagMutations,
    private readonly audit: AuditTrail,
  ) {}

  async overview(
    sourceEnvId: string,
    targets: EnvInProject[],
    filter: FlagFilter,
  ): Promise<CompareFlagOverviewPageDto> {
    const page = await this.flags.list(sourceEnvId, filter);
    const targetFlags = new Map<string, FeatureFlag[]>();
    for (const t of targets) targetFlags.set(t.env.id, await this.targetFlagsOf(t.env.id, page.items));
    const names = await this.segmentNames([...page.items, ...[...targetFlags.values()].flat()]);
    return {
      totalCount: page.totalCount,
      items: page.items.map((flag) => ({
        id: flag.id,
        name: flag.name,
        key: flag.key,
        description: flag.description,
        tags: flag.tags,
        diffs: targets.flatMap(({ env }) => {
          const target = targetFlags.get(env.id)?.find((f) => f.key === flag.key);
          return target ? [{ targetEnvId: env.id, ...summarizeDiff(diffFlags(flag, target, names)) }] : [];
        }),
      })),
    };
  }

  /** The comparison with the flag of the same key in `target`; null when it has none (as FeatBit). */
  async detail(
    org: Organization,
    source: FeatureFlag,
    target: EnvInProject,
  ): Promise<CompareFlagDetailDto | null> {
    const other = await this.flags.findByKey(target.env.id, source.key);
    if (!other || other.isArchived) return null;
    const names = await this.segmentNames([source, other]);
    const visible = await this.targeting.visibleSegmentIds(org, target.env, target.project);
    return {
      source,
      target: other,
      diff: diffFlags(source, other, names),
      relatedSegments: [...names].map(([key, value]) => ({ key, value })),
      isRulesCopyable: referencedSegmentIds(source.rules).every((id) => visible.has(id)),
    };
  }

  /**
   * Copies the chosen parts onto the target env's flag through FlagMutations (revision, audit and
   * push there) and, in the same transaction, a comment-only audit entry on the source flag: a
   * source revision would claim a change that did not happen there.
   */
  async copy(
    actor: Actor,
    org: Organization,
    from: EnvInProject & { flag: FeatureFlag },
    to: EnvInProject,
    options: FlagCopyOptions,
    can: PermissionCheck,
  ): Promise<FeatureFlag> {
    const parts = (Object.keys(PART_PERMISSIONS) as (keyof FlagCopyOptions)[]).filter((p) =>
      chosen(options, p),
    );
    if (parts.length === 0) {
      throw ValidationFailedError.of('options', 'options_is_invalid', 'choose at least one part to copy');
    }
    const target = await this.flags.findByKey(to.env.id, from.flag.key);
    if (!target || target.isArchived) {
      throw new BusinessRuleError(
        FLAG_SETTINGS_NOT_COPYABLE,
        `flag ${from.flag.key} does not exist in ${envName(to)}`,
        [{ part: 'flag', reason: 'the flag does not exist in the target environment' }],
      );
    }
    const rn = RN.flag(to.project.key, to.env.key, target.key, target.tags);
    for (const part of parts) {
      const action = PART_PERMISSIONS[part];
      if (!can(action, rn)) throw new ForbiddenError(`not allowed: ${action} on ${rn}`);
    }

    const visible = await this.targeting.visibleSegmentIds(org, to.env, to.project);
    const names = await this.segmentNames([from.flag, target]);
    const result = copySettings(from.flag, target, options, visible, {
      segmentNames: names,
      newId: randomUUID,
    });
    if (!result.ok) {
      const reasons = result.problems.map((p) => p.reason).join('; ');
      throw new BusinessRuleError(FLAG_SETTINGS_NOT_COPYABLE, `cannot copy: ${reasons}`, result.problems);
    }
    const what = parts.map((p) => PART_LABELS[p]).join(', ');
    return this.mutations.apply(actor, org.id, to.env, target, {
      operation: 'Update',
      comment: `copied settings (${what}) from ${envName(from)}`,
      expectedRevision: target.revision,
      changes: result.changes,
      alsoWrite: (tx) =>
        this.audit.recordChange(tx, actor, {
          organizationId: org.id,
          refType: 'FeatureFlag',
          operation: 'Update',
          previous: from.flag,
          current: from.flag,
          comment: `copied settings (${what}) to ${envName(to)}`,
        }),
    });
  }

  private async targetFlagsOf(envId: string, flags: FeatureFlag[]): Promise<FeatureFlag[]> {
    const keys = new Set(flags.map((f) => f.key));
    return (await this.flags.listAll(envId)).filter((f) => keys.has(f.key) && !f.isArchived);
  }

  private async segmentNames(flags: FeatureFlag[]): Promise<Map<string, string>> {
    const ids = referencedSegmentIds(flags.flatMap((f) => f.rules));
    if (ids.length === 0) return new Map();
    return new Map((await this.segments.findByIds(ids)).map((s) => [s.id, s.name]));
  }
}

const PART_LABELS: Record<CopyPart | 'onOffState', string> = {
  onOffState: 'on/off state',
  individualTargeting: 'individual targeting',
  targetingRule: 'targeting rules',
  defaultRule: 'default rule',
  offVariation: 'off variation',
};
