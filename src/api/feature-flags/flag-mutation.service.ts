import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditOperation } from '../../core/audit/audit-entry';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { nextVersion } from '../../core/flags/flag-factory';
import type { ValidationProblem } from '../../core/flags/flag-validation';
import { DataStore } from '../../core/ports/data-store.port';
import type { OutboxMessage } from '../../core/ports/message-bus.port';
import { RevisionConflictError } from '../../core/shared/errors';
import type { Environment } from '../../core/tenancy/tenancy';
import type { Actor } from '../../core/iam/actor';
import { approvalOf, directChangeRefusal } from '../../core/workflow/change-request-rules';
import { AuditTrail } from '../audit/audit-trail.service';
import { enqueueFlagChange, enqueueRemoval } from '../changes/change-outbox';
import { OutboxRelay } from '../changes/outbox-relay.service';
import {
  BusinessRuleError,
  ConflictError,
  ERROR_CODES,
  ForbiddenError,
  ValidationFailedError,
} from '../http/api-errors';

export interface FlagChange {
  operation: AuditOperation;
  comment?: string;
  /** The revision the caller based the change on; 409 when it is no longer current. */
  expectedRevision?: string;
  changes: Partial<FeatureFlag>;
  /** Semantic checks of the changed flag; any problem is a 400 and nothing is written. */
  validate?: (next: FeatureFlag) => ValidationProblem[];
  /** Further writes that commit (or roll back) with the change, e.g. an audit entry elsewhere. */
  alsoWrite?: (tx: DataStore) => Promise<void>;
  /**
   * Runs in the transaction before the flag is written; throwing stops the change. Where there are no
   * transactions (MongoDB), a claim made here is what keeps a second writer out.
   */
  beforeWrite?: (tx: DataStore) => Promise<void>;
  /** The change went through review (a change request or its schedule): the approval rule is met. */
  reviewed?: boolean;
}

/** Refuses a direct change of what a flag serves where the environment requires approval. */
export function requireReview(env: Environment, actor: Actor, change: FlagChange): void {
  if (change.reviewed) return;
  const refusal = directChangeRefusal(approvalOf(env.settings), actor.kind, Object.keys(change.changes));
  if (refusal) throw new ForbiddenError(refusal);
}

/** Requires a comment when the environment asks for one (FeatBit enforces this only in its UI). */
export function requireComment(env: Environment, comment: string | undefined): void {
  if (env.settings.requireChangeComment && !comment?.trim()) {
    throw new BusinessRuleError(
      ERROR_CODES.changeCommentRequired,
      'this environment requires a comment for every change',
    );
  }
}

/**
 * Every flag change goes through here: new revision and updatedAt, optimistic concurrency on the
 * stored revision, and — in one transaction — the flag, a revision snapshot, the audit entry and
 * the change message in the outbox. The relay publishes right after the commit.
 */
@Injectable()
export class FlagMutations {
  constructor(
    private readonly store: DataStore,
    private readonly audit: AuditTrail,
    private readonly relay: OutboxRelay,
  ) {}

  async apply(
    actor: Actor,
    organizationId: string,
    env: Environment,
    flag: FeatureFlag,
    change: FlagChange,
  ): Promise<FeatureFlag> {
    requireComment(env, change.comment);
    requireReview(env, actor, change);
    if (change.expectedRevision !== undefined && change.expectedRevision !== flag.revision) {
      throw new ConflictError(
        `flag ${flag.key} was changed by someone else (revision ${flag.revision}); reload and retry`,
      );
    }
    const now = new Date().toISOString();
    const next = nextVersion(flag, change.changes, randomUUID(), actor.userId, now);
    const problems = change.validate?.(next) ?? [];
    if (problems.length > 0) throw new ValidationFailedError(problems);
    let committed: OutboxMessage;
    try {
      committed = await this.store.transaction(async (tx) => {
        await change.beforeWrite?.(tx);
        await tx.flags.replace(next, flag.revision);
        await change.alsoWrite?.(tx);
        const operation = change.operation;
        return this.record(tx, actor, organizationId, flag, next, operation, change.comment ?? '', now);
      });
    } catch (err) {
      if (err instanceof RevisionConflictError) {
        throw new ConflictError(`flag ${flag.key} was changed by someone else; reload and retry`);
      }
      throw err;
    }
    this.relay.kick([committed]);
    return next;
  }

  async create(actor: Actor, organizationId: string, flag: FeatureFlag, comment = ''): Promise<FeatureFlag> {
    const committed = await this.store.transaction(async (tx) => {
      await tx.flags.create(flag);
      return this.record(tx, actor, organizationId, null, flag, 'Create', comment, flag.createdAt);
    });
    this.relay.kick([committed]);
    return flag;
  }

  /**
   * Deletes an archived flag for good: the row, its audit entry and the removal message commit
   * together (no revision; no change pushed to SDKs, see deleteFeatureFlag).
   */
  async delete(
    actor: Actor,
    organizationId: string,
    env: Environment,
    flag: FeatureFlag,
    comment = '',
  ): Promise<void> {
    if (!flag.isArchived) {
      throw new BusinessRuleError(
        ERROR_CODES.cannotDeleteUnarchivedFeatureFlag,
        'archive the flag before deleting it',
      );
    }
    requireComment(env, comment);
    const committed = await this.store.transaction(async (tx) => {
      await tx.flags.delete(flag.id);
      await this.audit.recordChange(tx, actor, {
        organizationId,
        refType: 'FeatureFlag',
        operation: 'Remove',
        previous: flag,
        current: null,
        comment,
      });
      return enqueueRemoval(tx, { kind: 'flag', envId: flag.envId, flagId: flag.id });
    });
    this.relay.kick([committed]);
  }

  /**
   * Writes the side records of a flag change inside `tx`: revision snapshot, audit log, outbox.
   * Returns the outbox message, to be handed to OutboxRelay.kick after the commit.
   */
  async record(
    tx: DataStore,
    actor: Actor,
    organizationId: string,
    before: FeatureFlag | null,
    after: FeatureFlag,
    operation: AuditOperation,
    comment: string,
    at: string,
  ): Promise<OutboxMessage> {
    await tx.flagRevisions.append({
      id: randomUUID(),
      flagId: after.id,
      flag: after,
      comment,
      createdAt: at,
    });
    await this.audit.recordChange(
      tx,
      actor,
      { organizationId, refType: 'FeatureFlag', operation, previous: before, current: after, comment },
      at,
    );
    return enqueueFlagChange(tx, after);
  }
}
