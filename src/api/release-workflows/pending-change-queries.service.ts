import { Injectable } from '@nestjs/common';
import { auditInstructions } from '../../core/audit/audit-diff';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { DataStore } from '../../core/ports/data-store.port';
import type { FlagChangeRequest, FlagDraft, FlagSchedule } from '../../core/workflow/workflow';
import { ActorDirectory } from '../audit/actor-directory.service';
import { DraftApplier } from './draft-applier.service';
import type { PendingChangeDto } from './release-workflow.dto';

/** Schedules shown as pending: waiting, and failed ones (so the failure is seen). */
const SHOWN_SCHEDULES: ReadonlySet<FlagSchedule['status']> = new Set([
  'PendingReview',
  'PendingExecution',
  'Failed',
]);

/**
 * FeatBit's pending-changes view (GetPendingChangesList): a flag's schedules, and its change
 * requests not attached to one, newest first, each with its readable change list. Beyond FeatBit:
 * the revision a change was proposed on and the parts that would conflict if applied now.
 */
@Injectable()
export class PendingChangeQueries {
  constructor(
    private readonly store: DataStore,
    private readonly actors: ActorDirectory,
    private readonly applier: DraftApplier,
  ) {}

  async forFlag(flag: FeatureFlag): Promise<PendingChangeDto[]> {
    const schedules = (await this.store.flagSchedules.listByFlag(flag.id)).filter((s) =>
      SHOWN_SCHEDULES.has(s.status),
    );
    const requests = (await this.store.flagChangeRequests.listByFlag(flag.id)).filter(
      (r) => r.status !== 'Applied',
    );
    return this.views(new Map([[flag.id, flag]]), schedules, requests);
  }

  /** The environment's change requests not yet applied (the console's review list). */
  async openRequests(envId: string): Promise<PendingChangeDto[]> {
    const requests = await this.store.flagChangeRequests.listOpen(envId, 200);
    const flags = new Map(
      (await this.store.flags.findByIds([...new Set(requests.map((r) => r.flagId))])).map((f) => [f.id, f]),
    );
    const scheduleIds = requests.map((r) => r.scheduleId).filter((id): id is string => id !== null);
    const schedules = (
      await Promise.all(scheduleIds.map((id) => this.store.flagSchedules.findById(id)))
    ).filter((s): s is FlagSchedule => s !== null);
    return this.views(flags, schedules, requests);
  }

  private async views(
    flags: Map<string, FeatureFlag>,
    schedules: FlagSchedule[],
    requests: FlagChangeRequest[],
  ): Promise<PendingChangeDto[]> {
    const requestById = new Map(requests.map((r) => [r.id, r]));
    const attached = new Set(schedules.map((s) => s.changeRequestId).filter(Boolean));
    const solo = requests.filter((r) => !attached.has(r.id));
    const draftIds = [...schedules.map((s) => s.flagDraftId), ...solo.map((r) => r.flagDraftId)];
    const drafts = new Map<string, FlagDraft>();
    for (const id of new Set(draftIds)) {
      const draft = await this.store.flagDrafts.findById(id);
      if (draft) drafts.set(id, draft);
    }
    const people = await this.actors.resolve([
      ...schedules.map((s) => s.creatorId),
      ...requests.flatMap((r) => [r.creatorId, ...r.reviewers.map((x) => x.memberId)]),
    ]);
    const name = (id: string) => people.get(id)?.name ?? 'Unknown';
    const out: PendingChangeDto[] = [];
    const base = (draft: FlagDraft, flag: FeatureFlag, id: string, creatorId: string, createdAt: string) => ({
      id,
      flagId: flag.id,
      flagKey: flag.key,
      flagName: flag.name,
      dataChange: draft.dataChange,
      creatorId,
      creatorName: name(creatorId),
      createdAt,
      instructions: auditInstructions('FeatureFlag', draft.dataChange),
      baseRevision: draft.baseRevision,
      conflicts: draft.status === 'Pending' ? this.applier.conflicts(draft, flag) : [],
    });
    const reviewFields = (request: FlagChangeRequest | undefined) => ({
      changeRequestId: request?.id ?? null,
      changeRequestReason: request?.reason,
      changeRequestStatus: request?.status,
      reviewers: (request?.reviewers ?? []).map((r) => ({
        memberId: r.memberId,
        memberName: name(r.memberId),
        action: r.action,
        timestamp: r.timestamp,
        comment: r.comment ?? '',
      })),
    });
    for (const s of schedules) {
      const draft = drafts.get(s.flagDraftId);
      const flag = flags.get(s.flagId);
      if (!draft || !flag) continue;
      out.push({
        ...base(draft, flag, s.id, s.creatorId, s.createdAt),
        type: 'schedule',
        scheduleTitle: s.title,
        scheduledTime: s.scheduledTime,
        scheduleStatus: s.status,
        scheduleError: s.error,
        ...reviewFields(s.changeRequestId ? requestById.get(s.changeRequestId) : undefined),
      });
    }
    for (const r of solo) {
      const draft = drafts.get(r.flagDraftId);
      const flag = flags.get(r.flagId);
      if (!draft || !flag) continue;
      out.push({
        ...base(draft, flag, r.id, r.creatorId, r.createdAt),
        type: 'change-request',
        ...reviewFields(r),
      });
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
