import { Injectable } from '@nestjs/common';
import type { AuditOperation } from '../../core/audit/audit-entry';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { validateTargeting } from '../../core/flags/flag-validation';
import type { Actor } from '../../core/iam/actor';
import { DataStore } from '../../core/ports/data-store.port';
import type { Environment, Organization, Project } from '../../core/tenancy/tenancy';
import {
  conflictMessage,
  draftServing,
  mergePending,
  type PendingPart,
} from '../../core/workflow/pending-change';
import type { FlagDraft } from '../../core/workflow/workflow';
import { FlagMutations, requireComment } from '../feature-flags/flag-mutation.service';
import { FlagTargeting } from '../feature-flags/flag-targeting.service';
import { ConflictError, ResourceNotFoundError } from '../http/api-errors';

export interface FlagPlace {
  flag: FeatureFlag;
  env: Environment;
  project: Project;
  org: Organization;
}

export interface ApplyDraft {
  operation: Extract<AuditOperation, 'ApplyFlagSchedule' | 'ApplyFlagChangeRequest'>;
  comment: string;
  /**
   * Marks the schedule or request applied; runs first in the write's transaction and throws when
   * someone else applied it already, so the change is applied once.
   */
  claim: (tx: DataStore) => Promise<void>;
}

/**
 * Applies a draft onto its flag as it is now (docs/release-workflows.md#merging): parts only the
 * draft changed take its values, parts others changed meanwhile keep theirs, and a part both changed
 * differently refuses the whole change (409 naming the parts).
 */
@Injectable()
export class DraftApplier {
  constructor(
    private readonly store: DataStore,
    private readonly mutations: FlagMutations,
    private readonly targeting: FlagTargeting,
  ) {}

  /** The flag with its environment, project and organization. */
  async place(flagId: string): Promise<FlagPlace> {
    const flag = await this.store.flags.findById(flagId);
    const env = flag ? await this.store.environments.findById(flag.envId) : null;
    const project = env ? await this.store.projects.findById(env.projectId) : null;
    const org = project ? await this.store.organizations.findById(project.organizationId) : null;
    if (!flag || !env || !project || !org) throw new ResourceNotFoundError('feature flag');
    return { flag, env, project, org };
  }

  /** The parts that would conflict if the draft were applied now. */
  conflicts(draft: FlagDraft, latest: FeatureFlag): PendingPart[] {
    const { base, proposed } = draftServing(draft);
    return mergePending(base, proposed, latest).conflicts;
  }

  async apply(draft: FlagDraft, actor: Actor, how: ApplyDraft): Promise<FeatureFlag> {
    const { flag, env, project, org } = await this.place(draft.flagId);
    const { base, proposed } = draftServing(draft);
    const merged = mergePending(base, proposed, flag);
    if (merged.conflicts.length > 0) throw new ConflictError(conflictMessage(merged.conflicts));
    const now = new Date().toISOString();
    const applied: FlagDraft = { ...draft, status: 'Applied', updatorId: actor.userId, updatedAt: now };
    if (Object.keys(merged.changes).length === 0) {
      // The flag already serves what was proposed: nothing to write but the statuses.
      requireComment(env, how.comment);
      await this.store.transaction(async (tx) => {
        await how.claim(tx);
        await tx.flagDrafts.update(applied);
      });
      return flag;
    }
    const segmentIds = await this.targeting.visibleSegmentIds(org, env, project);
    return this.mutations.apply(actor, org.id, env, flag, {
      operation: how.operation,
      comment: how.comment,
      expectedRevision: flag.revision,
      changes: merged.changes,
      reviewed: true,
      validate: (next) => [
        ...validateTargeting(next.variations, next, segmentIds),
        ...this.targeting.referenceProblems(next),
      ],
      beforeWrite: how.claim,
      alsoWrite: async (tx) => {
        await tx.flagDrafts.update(applied);
      },
    });
  }
}
