import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FeatureFlag, Fallthrough, TargetRule, TargetUser } from '../../core/flags/feature-flag';
import type { ValidationProblem } from '../../core/flags/flag-validation';
import { SegmentRepository } from '../../core/ports/targeting.repositories';
import type { Environment, Organization, Project } from '../../core/tenancy/tenancy';
import { TenantLookup } from '../auth/tenant-lookup.service';
import type { TargetingInputDto } from './flag-input.dto';

export interface Targeting {
  targetUsers: TargetUser[];
  rules: TargetRule[];
  fallthrough: Fallthrough;
  exptIncludeAllTargets: boolean;
}

/** Turns a targeting request into the stored shape and knows what it may reference. */
@Injectable()
export class FlagTargeting {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly tenant: TenantLookup,
  ) {}

  normalise(input: TargetingInputDto): Targeting {
    return {
      targetUsers: input.targetUsers
        .map((t) => ({ keyIds: [...new Set(t.keyIds)], variationId: t.variationId }))
        .filter((t) => t.keyIds.length > 0),
      rules: input.rules.map((r) => ({
        id: r.id ?? randomUUID(),
        name: r.name,
        dispatchKey: r.dispatchKey || null,
        includedInExpt: r.includedInExpt,
        conditions: r.conditions.map((c) => ({
          id: c.id ?? randomUUID(),
          property: c.property,
          op: c.op ?? null,
          value: c.value,
        })),
        variations: r.variations.map((v) => ({
          id: v.id,
          rollout: [v.rollout[0], v.rollout[1]],
          exptRollout: v.exptRollout,
        })),
      })),
      fallthrough: {
        dispatchKey: input.fallthrough.dispatchKey || null,
        includedInExpt: input.fallthrough.includedInExpt,
        variations: input.fallthrough.variations.map((v) => ({
          id: v.id,
          rollout: [v.rollout[0], v.rollout[1]],
          exptRollout: v.exptRollout,
        })),
      },
      exptIncludeAllTargets: input.exptIncludeAllTargets,
    };
  }

  /** Ids of the segments a rule of a flag in the environment may reference. */
  async visibleSegmentIds(org: Organization, env: Environment, project: Project): Promise<Set<string>> {
    const segments = await this.segments.listAll(this.tenant.segmentScope(org, env, project));
    // Archived segments cannot gain references (archiving is refused while referenced).
    return new Set(segments.filter((s) => !s.isArchived).map((s) => s.id));
  }

  /** Drops 0% rollout entries of variations that no longer exist (they serve nobody). */
  withoutZeroShares(
    flag: FeatureFlag,
    kept: ReadonlySet<string>,
  ): Pick<FeatureFlag, 'rules' | 'fallthrough'> {
    const keep = (v: { id: string; rollout: [number, number] }) =>
      kept.has(v.id) || v.rollout[1] > v.rollout[0];
    return {
      rules: flag.rules.map((r) => ({ ...r, variations: r.variations.filter(keep) })),
      fallthrough: { ...flag.fallthrough, variations: flag.fallthrough.variations.filter(keep) },
    };
  }

  /** Variations still referenced by other parts of the flag must exist. */
  referenceProblems(flag: FeatureFlag): ValidationProblem[] {
    const ids = new Set(flag.variations.map((v) => v.id));
    const used = new Set<string>([
      flag.disabledVariationId,
      ...flag.targetUsers.map((t) => t.variationId),
      ...flag.rules.flatMap((r) => r.variations.filter((v) => v.rollout[1] > v.rollout[0]).map((v) => v.id)),
      ...flag.fallthrough.variations.filter((v) => v.rollout[1] > v.rollout[0]).map((v) => v.id),
    ]);
    return [...used]
      .filter((id) => !ids.has(id))
      .map((id) => ({
        field: 'variations',
        code: 'variations_is_invalid',
        message: `variation ${id} is still used by the off variation, targets or rules`,
      }));
  }
}
