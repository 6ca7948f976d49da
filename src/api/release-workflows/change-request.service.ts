import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import type { Actor } from '../../core/iam/actor';
import { newJob } from '../../core/jobs/job';
import { DataStore } from '../../core/ports/data-store.port';
import { applyProblem, approvalOf, review } from '../../core/workflow/change-request-rules';
import { newDraft } from '../../core/workflow/pending-change';
import type { FlagChangeRequest, FlagDraft, FlagSchedule } from '../../core/workflow/workflow';
import { AuditTrail } from '../audit/audit-trail.service';
import { ConflictError, ForbiddenError, ResourceNotFoundError } from '../http/api-errors';
import { JobRunner } from '../jobs/job-runner.service';
import { DraftApplier, type FlagPlace } from './draft-applier.service';
import { type FlagPermissionCheck, FlagProposals } from './flag-proposal.service';
import type { CreateChangeRequestDto } from './release-workflow.dto';
import { FLAG_SCHEDULE_JOB } from './schedule-jobs';

/** Thrown inside an apply's transaction when someone else applied the request first. */
class AlreadySettled extends ConflictError {}

/**
 * Change requests (FeatBit's `change-requests` routes; docs/release-workflows.md#change-requests):
 * a proposal that reviewers approve or decline; the requester or a reviewer applies an approved one
 * (or it applies on approval, an environment setting). Every step is audited.
 */
@Injectable()
export class ChangeRequestService {
  constructor(
    private readonly store: DataStore,
    private readonly audit: AuditTrail,
    private readonly proposals: FlagProposals,
    private readonly applier: DraftApplier,
    private readonly jobs: JobRunner,
  ) {}

  async create(
    actor: Actor,
    place: FlagPlace,
    input: CreateChangeRequestDto,
    can: FlagPermissionCheck,
  ): Promise<FlagChangeRequest> {
    const proposed = await this.proposals.propose(place, input, can);
    const setting = approvalOf(place.env.settings);
    const reviewers = await this.proposals.reviewers(place.org.id, setting, input.reviewers, actor.userId);
    const now = new Date().toISOString();
    const draft = newDraft({
      id: randomUUID(),
      flag: place.flag,
      proposed,
      creatorId: actor.userId,
      comment: input.reason,
      now,
    });
    const request = this.newRequest(place, draft, input.reason, reviewers, actor, now);
    await this.store.transaction(async (tx) => {
      await tx.flagDrafts.create(draft);
      await tx.flagChangeRequests.create(request);
      await this.record(tx, actor, place, request, 'Create', null, input.reason);
    });
    return request;
  }

  /** A reviewer approves or declines; an approval may release a schedule or apply the change at once. */
  async review(
    actor: Actor,
    envId: string,
    id: string,
    action: 'Approve' | 'Decline',
    comment: string,
  ): Promise<FlagChangeRequest> {
    const { request, place } = await this.find(envId, id);
    const now = new Date().toISOString();
    const decided = review(request, actor.userId, action, comment, now);
    if ('problem' in decided) throw new ForbiddenError(decided.problem);
    const next = decided.ok;
    const schedule = request.scheduleId ? await this.store.flagSchedules.findById(request.scheduleId) : null;
    await this.store.transaction(async (tx) => {
      if (!(await tx.flagChangeRequests.updateIfStatus(next, request.status))) {
        throw new ConflictError('the change request changed meanwhile; reload and retry');
      }
      await this.record(tx, actor, place, next, 'Update', request, comment || `${action}d`);
      if (schedule) await this.settleSchedule(tx, schedule, next, actor, now);
    });
    const setting = approvalOf(place.env.settings);
    if (next.status === 'Approved' && !schedule && setting.applyOnApproval) {
      return this.apply(actor, envId, id, { asReviewerOnApproval: true });
    }
    if (schedule) this.jobs.kick();
    return next;
  }

  /** Applies an approved request onto the flag as it is now (409 naming conflicting parts). */
  async apply(
    actor: Actor,
    envId: string,
    id: string,
    options: { asReviewerOnApproval?: boolean } = {},
  ): Promise<FlagChangeRequest> {
    const { request, place, draft } = await this.find(envId, id);
    const problem = applyProblem(request, actor.userId);
    if (problem) throw new ForbiddenError(problem);
    if (request.scheduleId) {
      throw new ConflictError('this change request belongs to a schedule: it applies at the scheduled time');
    }
    const now = new Date().toISOString();
    const applied: FlagChangeRequest = {
      ...request,
      status: 'Applied',
      updatorId: actor.userId,
      updatedAt: now,
    };
    const by = options.asReviewerOnApproval ? 'on approval' : 'by request';
    try {
      await this.applier.apply(draft, actor, {
        operation: 'ApplyFlagChangeRequest',
        comment: request.reason
          ? `Change request applied ${by}: ${request.reason}`
          : `Change request applied ${by}`,
        claim: async (tx) => {
          if (!(await tx.flagChangeRequests.updateIfStatus(applied, 'Approved'))) {
            throw new AlreadySettled('this change request was applied or changed meanwhile');
          }
          await this.record(tx, actor, place, applied, 'Update', request, 'applied');
        },
      });
    } catch (err) {
      if (!this.store.supportsTransactions && !(err instanceof AlreadySettled)) {
        // No transaction undid the claim (MongoDB): put the request back so it can be applied again.
        await this.store.flagChangeRequests.updateIfStatus(request, 'Applied').catch(() => undefined);
      }
      throw err;
    }
    return applied;
  }

  /** The requester withdraws a request (with its schedule); reviewers and flag editors may too. */
  async remove(actor: Actor, envId: string, id: string, can: FlagPermissionCheck): Promise<void> {
    const { request, place } = await this.find(envId, id);
    const involved =
      request.creatorId === actor.userId || request.reviewers.some((r) => r.memberId === actor.userId);
    if (!involved && !can('UpdateFlagTargetingRules')) {
      throw new ForbiddenError(
        'only the requester, a reviewer or an editor of the flag may remove this change request',
      );
    }
    await this.store.transaction(async (tx) => {
      await tx.flagChangeRequests.delete(request.id);
      if (request.scheduleId) await tx.flagSchedules.delete(request.scheduleId);
      await this.record(tx, actor, place, null, 'Remove', request, '');
    });
  }

  /** The flag a change request of the environment belongs to (404 for another environment's). */
  async flagOf(envId: string, id: string): Promise<FeatureFlag> {
    return (await this.find(envId, id)).place.flag;
  }

  /** The requests of an environment not yet applied, newest first (the console's review list). */
  listOpen(envId: string): Promise<FlagChangeRequest[]> {
    return this.store.flagChangeRequests.listOpen(envId, 200);
  }

  private newRequest(
    place: FlagPlace,
    draft: FlagDraft,
    reason: string,
    reviewers: FlagChangeRequest['reviewers'],
    actor: Actor,
    now: string,
  ): FlagChangeRequest {
    return {
      id: randomUUID(),
      organizationId: place.org.id,
      envId: place.env.id,
      flagDraftId: draft.id,
      flagId: place.flag.id,
      status: 'PendingReview',
      reason,
      reviewers,
      scheduleId: null,
      creatorId: actor.userId,
      updatorId: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
  }

  /** An attached schedule follows its request: approved → waits for its time, declined → declined. */
  private async settleSchedule(
    tx: DataStore,
    schedule: FlagSchedule,
    request: FlagChangeRequest,
    actor: Actor,
    now: string,
  ): Promise<void> {
    const status =
      request.status === 'Approved'
        ? 'PendingExecution'
        : request.status === 'Declined'
          ? 'Declined'
          : 'PendingReview';
    if (status === schedule.status) return;
    await tx.flagSchedules.update({ ...schedule, status, updatorId: actor.userId, updatedAt: now });
    if (status === 'PendingExecution') {
      await tx.jobs.enqueue(
        newJob(
          {
            id: randomUUID(),
            kind: FLAG_SCHEDULE_JOB,
            payload: { scheduleId: schedule.id },
            runAt: schedule.scheduledTime,
          },
          now,
        ),
      );
    }
  }

  private async find(
    envId: string,
    id: string,
  ): Promise<{ request: FlagChangeRequest; place: FlagPlace; draft: FlagDraft }> {
    const request = await this.store.flagChangeRequests.findById(id);
    const draft = request ? await this.store.flagDrafts.findById(request.flagDraftId) : null;
    if (!request || request.envId !== envId || !draft) throw new ResourceNotFoundError('change request');
    return { request, draft, place: await this.applier.place(request.flagId) };
  }

  private record(
    tx: DataStore,
    actor: Actor,
    place: FlagPlace,
    current: FlagChangeRequest | null,
    operation: 'Create' | 'Update' | 'Remove',
    previous: FlagChangeRequest | null,
    comment: string,
  ): Promise<void> {
    const subject = current ?? previous;
    return this.audit.record(tx, actor, {
      organizationId: place.org.id,
      envId: place.env.id,
      refType: 'FlagChangeRequest',
      refId: subject?.id ?? '',
      keywords: [place.flag.key, place.flag.name],
      operation,
      previous,
      current,
      comment,
    });
  }
}
