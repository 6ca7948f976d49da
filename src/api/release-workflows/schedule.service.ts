import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import type { Actor } from '../../core/iam/actor';
import { type JobOutcome, newJob } from '../../core/jobs/job';
import { DataStore } from '../../core/ports/data-store.port';
import { approvalOf, directChangeRefusal } from '../../core/workflow/change-request-rules';
import { type FlagServing, newDraft, sameValue } from '../../core/workflow/pending-change';
import type { FlagChangeRequest, FlagSchedule } from '../../core/workflow/workflow';
import { AuditTrail } from '../audit/audit-trail.service';
import {
  ApiError,
  ConflictError,
  ForbiddenError,
  ResourceNotFoundError,
  ValidationFailedError,
} from '../http/api-errors';
import { DraftApplier, type FlagPlace } from './draft-applier.service';
import { type FlagPermissionCheck, FlagProposals } from './flag-proposal.service';
import type { CreateScheduleDto } from './release-workflow.dto';
import { FLAG_SCHEDULE_JOB } from './schedule-jobs';

/** The furthest a change may be scheduled ahead. */
const MAX_AHEAD_MS = 5 * 366 * 24 * 3600 * 1000;

/** Thrown inside the apply's transaction when the schedule is no longer waiting (applied or removed). */
class NotWaiting extends ConflictError {}

/**
 * Scheduled changes (FeatBit's `schedules` routes; docs/release-workflows.md#schedules). A schedule
 * that needs no review is a durable job due at its time; one with a change request becomes one when
 * approved. The job applies the draft onto the flag as it is then, as the person who scheduled it,
 * exactly once: the schedule's status moves from PendingExecution in the flag write's transaction.
 * A change that cannot apply (a conflict, a reference gone) marks the schedule Failed with the reason.
 */
@Injectable()
export class ScheduleService {
  constructor(
    private readonly store: DataStore,
    private readonly audit: AuditTrail,
    private readonly proposals: FlagProposals,
    private readonly applier: DraftApplier,
  ) {}

  async create(
    actor: Actor,
    place: FlagPlace,
    input: CreateScheduleDto,
    can: FlagPermissionCheck,
  ): Promise<FlagSchedule> {
    const at = Date.parse(input.scheduledTime);
    if (!(at > Date.now()) || at > Date.now() + MAX_AHEAD_MS) {
      throw ValidationFailedError.of(
        'scheduledTime',
        'scheduledTime_is_invalid',
        'the time must be in the future (at most 5 years ahead)',
      );
    }
    const proposed = await this.proposals.propose(place, input, can);
    const setting = approvalOf(place.env.settings);
    if (!input.withChangeRequest) {
      const fields = (Object.keys(proposed) as (keyof FlagServing)[]).filter(
        (field) => !sameValue(place.flag[field], proposed[field]),
      );
      const refusal = directChangeRefusal(setting, actor.kind, fields);
      if (refusal) throw new ForbiddenError(refusal);
    }
    const reviewers = input.withChangeRequest
      ? await this.proposals.reviewers(place.org.id, setting, input.reviewers ?? [], actor.userId)
      : [];
    const now = new Date().toISOString();
    const draft = newDraft({
      id: randomUUID(),
      flag: place.flag,
      proposed,
      creatorId: actor.userId,
      comment: input.reason ?? input.title,
      now,
    });
    const schedule: FlagSchedule = {
      id: randomUUID(),
      organizationId: place.org.id,
      envId: place.env.id,
      flagDraftId: draft.id,
      flagId: place.flag.id,
      status: input.withChangeRequest ? 'PendingReview' : 'PendingExecution',
      title: input.title.trim(),
      scheduledTime: new Date(at).toISOString(),
      changeRequestId: null,
      error: null,
      creatorId: actor.userId,
      updatorId: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    const request: FlagChangeRequest | null = input.withChangeRequest
      ? {
          id: randomUUID(),
          organizationId: place.org.id,
          envId: place.env.id,
          flagDraftId: draft.id,
          flagId: place.flag.id,
          status: 'PendingReview',
          reason: input.reason ?? '',
          reviewers,
          scheduleId: schedule.id,
          creatorId: actor.userId,
          updatorId: actor.userId,
          createdAt: now,
          updatedAt: now,
        }
      : null;
    if (request) schedule.changeRequestId = request.id;
    await this.store.transaction(async (tx) => {
      await tx.flagDrafts.create(draft);
      if (request) {
        await tx.flagChangeRequests.create(request);
        await this.recordRequest(tx, actor, place, request);
      }
      await tx.flagSchedules.create(schedule);
      await this.record(tx, actor, place, schedule, 'Create', null, schedule.title);
      if (!request) {
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
    });
    return schedule;
  }

  /** Cancels a schedule (and its change request): its creator, or someone who may edit the flag. */
  async remove(actor: Actor, envId: string, id: string, can: FlagPermissionCheck): Promise<void> {
    const schedule = await this.store.flagSchedules.findById(id);
    if (!schedule || schedule.envId !== envId) throw new ResourceNotFoundError('schedule');
    if (schedule.creatorId !== actor.userId && !can('UpdateFlagTargetingRules')) {
      throw new ForbiddenError('only the creator of the schedule or an editor of the flag may cancel it');
    }
    const place = await this.applier.place(schedule.flagId);
    await this.store.transaction(async (tx) => {
      await tx.flagSchedules.delete(schedule.id);
      if (schedule.changeRequestId) await tx.flagChangeRequests.delete(schedule.changeRequestId);
      await this.record(tx, actor, place, null, 'Remove', schedule, '');
    });
  }

  /** The flag a schedule of the environment belongs to (404 for another environment's). */
  async flagOf(envId: string, id: string): Promise<FeatureFlag> {
    const schedule = await this.store.flagSchedules.findById(id);
    if (!schedule || schedule.envId !== envId) throw new ResourceNotFoundError('schedule');
    return (await this.applier.place(schedule.flagId)).flag;
  }

  /** The job: applies a due schedule once; a change that cannot apply fails the schedule, not the job. */
  async execute(scheduleId: string): Promise<JobOutcome> {
    const schedule = await this.store.flagSchedules.findById(scheduleId);
    if (schedule?.status !== 'PendingExecution') return { kind: 'done' };
    if (Date.parse(schedule.scheduledTime) > Date.now()) {
      return { kind: 'retry', at: schedule.scheduledTime, error: 'not due yet' };
    }
    const draft = await this.store.flagDrafts.findById(schedule.flagDraftId);
    if (!draft) return this.fail(schedule, 'the scheduled change is missing');
    const creator: Actor = { kind: 'user', userId: schedule.creatorId, creatorId: schedule.creatorId };
    const now = new Date().toISOString();
    const applied: FlagSchedule = { ...schedule, status: 'Applied', updatedAt: now };
    try {
      const place = await this.applier.place(schedule.flagId);
      await this.applier.apply(draft, creator, {
        operation: 'ApplyFlagSchedule',
        comment: `Applied by the schedule "${schedule.title}"`,
        claim: async (tx) => {
          if (!(await tx.flagSchedules.updateIfStatus(applied, 'PendingExecution'))) {
            throw new NotWaiting('the schedule is no longer waiting');
          }
          await this.record(tx, creator, place, applied, 'Update', schedule, 'applied by the schedule');
          if (schedule.changeRequestId) await this.markRequestApplied(tx, schedule.changeRequestId, now);
        },
      });
      return { kind: 'done' };
    } catch (err) {
      if (err instanceof NotWaiting) return { kind: 'done' };
      // A refusal (conflict, invalid reference, flag gone) is final. Without transactions (MongoDB) so
      // is any failure after the claim: retrying could apply half a change twice.
      if (err instanceof ApiError || !this.store.supportsTransactions) {
        return this.fail(schedule, err instanceof Error ? err.message : String(err), true);
      }
      throw err;
    }
  }

  private async fail(schedule: FlagSchedule, error: string, afterClaim = false): Promise<JobOutcome> {
    const failed: FlagSchedule = {
      ...schedule,
      status: 'Failed',
      error,
      updatedAt: new Date().toISOString(),
    };
    if (!(await this.store.flagSchedules.updateIfStatus(failed, 'PendingExecution')) && afterClaim) {
      await this.store.flagSchedules.updateIfStatus(failed, 'Applied');
    }
    return { kind: 'done' };
  }

  private async markRequestApplied(tx: DataStore, requestId: string, now: string): Promise<void> {
    const request = await tx.flagChangeRequests.findById(requestId);
    if (request) await tx.flagChangeRequests.update({ ...request, status: 'Applied', updatedAt: now });
  }

  private recordRequest(
    tx: DataStore,
    actor: Actor,
    place: FlagPlace,
    request: FlagChangeRequest,
  ): Promise<void> {
    return this.audit.record(tx, actor, {
      organizationId: place.org.id,
      envId: place.env.id,
      refType: 'FlagChangeRequest',
      refId: request.id,
      keywords: [place.flag.key, place.flag.name],
      operation: 'Create',
      previous: null,
      current: request,
      comment: request.reason,
    });
  }

  private record(
    tx: DataStore,
    actor: Actor,
    place: FlagPlace,
    current: FlagSchedule | null,
    operation: 'Create' | 'Update' | 'Remove',
    previous: FlagSchedule | null,
    comment: string,
  ): Promise<void> {
    return this.audit.record(tx, actor, {
      organizationId: place.org.id,
      envId: place.env.id,
      refType: 'FlagSchedule',
      refId: (current ?? previous)?.id ?? '',
      keywords: [place.flag.key, place.flag.name],
      operation,
      previous,
      current,
      comment,
    });
  }
}
