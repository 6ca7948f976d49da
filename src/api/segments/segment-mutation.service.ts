import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditOperation } from '../../core/audit/audit-entry';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { laterThan, nextVersion } from '../../core/flags/flag-factory';
import type { ValidationProblem } from '../../core/flags/flag-validation';
import type { PermissionAction } from '../../core/iam/permissions';
import { RN } from '../../core/iam/resource-name';
import { DataStore } from '../../core/ports/data-store.port';
import type { OutboxMessage } from '../../core/ports/message-bus.port';
import { type Segment, toWireSegment } from '../../core/segments/segment';
import { RevisionConflictError } from '../../core/shared/errors';
import type { Organization } from '../../core/tenancy/tenancy';
import type { Actor } from '../../core/iam/actor';
import { AuditTrail } from '../audit/audit-trail.service';
import { enqueueRemoval, enqueueSegmentChange } from '../changes/change-outbox';
import { OutboxRelay } from '../changes/outbox-relay.service';
import { requireComment } from '../feature-flags/flag-mutation.service';
import { ConflictError, ForbiddenError, ValidationFailedError } from '../http/api-errors';
import { type EnvInOrg, SegmentScopes } from './segment-scope.service';

/** Whether the caller may do `action` on the resource named `resource` (the request's policies, or a scheduler's). */
export type PermissionCheck = (action: PermissionAction, resource: string) => boolean;

export interface SegmentChange {
  operation: AuditOperation;
  comment?: string;
  changes: Partial<Segment>;
  /** Checked in every environment the segment applies to (shared segments reach several). */
  actions: PermissionAction[];
  /** Targeting changed: referencing flags get a new revision/updatedAt so SDKs re-read them. */
  bumpFlags: boolean;
  validate?: (next: Segment) => ValidationProblem[];
}

/**
 * Every segment change: optimistic concurrency on updatedAt, and in one transaction the segment,
 * the bumped referencing flags, the audit entry and one `featbit-segment-change` message per
 * environment the segment applies to.
 */
@Injectable()
export class SegmentMutations {
  constructor(
    private readonly store: DataStore,
    private readonly scopes: SegmentScopes,
    private readonly audit: AuditTrail,
    private readonly relay: OutboxRelay,
  ) {}

  /** Stores a new segment with its audit entry and one change message per environment it applies to. */
  async create(actor: Actor, organizationId: string, segment: Segment, envs: EnvInOrg[]): Promise<void> {
    const committed = await this.store.transaction(async (tx) => {
      await tx.segments.create(segment);
      await this.audit.recordChange(tx, actor, {
        organizationId,
        refType: 'Segment',
        operation: 'Create',
        previous: null,
        current: segment,
      });
      return enqueueSegmentChange(
        tx,
        envs.map(({ env }) => ({ segment: toWireSegment(segment, env.id), affectedFlagIds: [] })),
      );
    });
    this.relay.kick(committed);
  }

  /** Deletes a segment for good with its audit entry and the removal message for `envs`. */
  async delete(
    actor: Actor,
    organizationId: string,
    segment: Segment,
    envs: EnvInOrg[],
    comment: string,
  ): Promise<void> {
    const committed = await this.store.transaction(async (tx) => {
      await tx.segments.delete(segment.id);
      await this.audit.recordChange(tx, actor, {
        organizationId,
        refType: 'Segment',
        operation: 'Remove',
        previous: segment,
        current: null,
        comment,
      });
      return enqueueRemoval(tx, {
        kind: 'segment',
        envIds: envs.map(({ env }) => env.id),
        segmentId: segment.id,
      });
    });
    this.relay.kick([committed]);
  }

  /**
   * The environments a segment seen from the route's environment `at` applies to, each with the
   * caller's permission checked.
   */
  async authorizedEnvs(
    org: Organization,
    at: EnvInOrg,
    segment: Segment,
    actions: PermissionAction[],
    can: PermissionCheck,
  ): Promise<EnvInOrg[]> {
    const envs = await this.scopes.envsOf(org, segment, at);
    for (const { env, project } of envs) {
      const rn = RN.segment(project.key, env.key, segment.key, segment.tags);
      for (const action of actions) {
        if (!can(action, rn)) throw new ForbiddenError(`not allowed: ${action} on ${rn}`);
      }
    }
    return envs;
  }

  /** Applies `change` as `actor` of `org`, once `can` allows its actions in every environment reached. */
  async apply(
    actor: Actor,
    org: Organization,
    at: EnvInOrg,
    segment: Segment,
    change: SegmentChange,
    can: PermissionCheck,
  ): Promise<Segment> {
    requireComment(at.env, change.comment);
    const envs = await this.authorizedEnvs(org, at, segment, change.actions, can);
    const now = new Date().toISOString();
    const next: Segment = { ...segment, ...change.changes, updatedAt: laterThan(segment.updatedAt, now) };
    const problems = change.validate?.(next) ?? [];
    if (problems.length > 0) throw new ValidationFailedError(problems);
    let committed: OutboxMessage[];
    try {
      committed = await this.store.transaction(async (tx) => {
        await tx.segments.update(next, segment.updatedAt);
        const affected = new Map<string, FeatureFlag[]>();
        for (const { env } of envs) {
          const flags = change.bumpFlags ? await tx.flags.listReferencingSegment(env.id, segment.id) : [];
          const bumped: FeatureFlag[] = [];
          for (const flag of flags) {
            const version = nextVersion(flag, {}, randomUUID(), flag.updatorId, next.updatedAt);
            await tx.flags.update(version, flag.revision);
            bumped.push(version);
          }
          affected.set(env.id, bumped);
        }
        await this.audit.recordChange(
          tx,
          actor,
          {
            organizationId: org.id,
            envId: segment.type === 'shared' ? '' : segment.envId,
            refType: 'Segment',
            operation: change.operation,
            previous: segment,
            current: next,
            comment: change.comment,
          },
          now,
        );
        return enqueueSegmentChange(
          tx,
          envs.map(({ env }) => ({
            segment: toWireSegment(next, env.id),
            affectedFlagIds: (affected.get(env.id) ?? []).map((f) => f.id),
          })),
        );
      });
    } catch (err) {
      if (err instanceof RevisionConflictError) {
        throw new ConflictError(
          `segment ${segment.key} or a flag using it was changed by someone else; reload and retry`,
        );
      }
      throw err;
    }
    this.relay.kick(committed);
    return next;
  }

  /** Flags (in every environment the segment applies to) whose rules reference it. */
  async references(
    org: Organization,
    at: EnvInOrg,
    segment: Segment,
  ): Promise<{ envId: string; id: string; name: string; key: string }[]> {
    const envs = await this.scopes.envsOf(org, segment, at);
    const refs: { envId: string; id: string; name: string; key: string }[] = [];
    for (const { env } of envs) {
      for (const flag of await this.store.flags.listReferencingSegment(env.id, segment.id)) {
        refs.push({ envId: flag.envId, id: flag.id, name: flag.name, key: flag.key });
      }
    }
    return refs;
  }
}
