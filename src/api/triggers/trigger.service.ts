import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Actor, SYSTEM_ID } from '../../core/iam/actor';
import type { Trigger } from '../../core/integrations/integrations';
import {
  afterRun,
  runChangesFlag,
  runComment,
  type TriggerAction,
  type TriggerType,
  wantedFlagState,
} from '../../core/integrations/trigger-rules';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { DataStore } from '../../core/ports/data-store.port';
import { TriggerRepository } from '../../core/ports/integrations.repositories';
import { FlagRepository } from '../../core/ports/targeting.repositories';
import { EnvironmentRepository, ProjectRepository } from '../../core/ports/tenancy.repositories';
import { AuditTrail } from '../audit/audit-trail.service';
import { sha256Hex } from '../auth/token-hash';
import { FlagMutations } from '../feature-flags/flag-mutation.service';
import { ConflictError, ResourceNotFoundError } from '../http/api-errors';
import { TriggerRateLimiter } from './trigger-rate-limiter';

const SYSTEM: Actor = { creatorId: SYSTEM_ID, kind: 'system', userId: SYSTEM_ID };
/** A run retries this often when someone else changed the flag between its read and its write. */
const RUN_ATTEMPTS = 3;

export interface TriggerInput {
  type: TriggerType;
  action: TriggerAction;
  description?: string;
}

/** The flag a trigger belongs to, as its audit entry names it (environment, key and name). */
export type TriggerFlag = Pick<FeatureFlag, 'id' | 'envId' | 'key' | 'name'>;

interface TriggerChange {
  operation: 'Create' | 'Update' | 'Remove';
  previous: Trigger | null;
  current: Trigger | null;
  comment?: string;
}

/** 32 random bytes, base64url (43 characters); only its SHA-256 is stored. */
function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256Hex(token) };
}

/** A trigger as audited: without its token hash (audit logs never hold credentials). */
function redacted(trigger: Trigger): Omit<Trigger, 'tokenHash'> {
  const { tokenHash: _, ...rest } = trigger;
  return rest;
}

/**
 * Flag triggers (FeatBit's Application/Triggers): a secret URL that turns a flag on or off. The
 * token is answered once, by create and reset; every management write commits with its audit
 * entry. The run changes the flag through FlagMutations, so it is audited (as the system, naming
 * the trigger) and pushed to SDKs like any toggle.
 */
@Injectable()
export class TriggerService {
  constructor(
    private readonly store: DataStore,
    private readonly triggers: TriggerRepository,
    private readonly flags: FlagRepository,
    private readonly environments: EnvironmentRepository,
    private readonly projects: ProjectRepository,
    private readonly mutations: FlagMutations,
    private readonly limiter: TriggerRateLimiter,
    private readonly audit: AuditTrail,
  ) {}

  /** The flag's triggers, newest first (FeatBit's order). */
  async list(flagId: string): Promise<Trigger[]> {
    const found = await this.triggers.listByTarget(flagId);
    return [...found].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async create(
    actor: Actor,
    organizationId: string,
    flag: TriggerFlag,
    input: TriggerInput,
  ): Promise<{ trigger: Trigger; token: string }> {
    const { token, tokenHash } = newToken();
    const now = new Date().toISOString();
    const trigger = await this.store.transaction(async (tx) => {
      const created = await tx.triggers.create({
        id: randomUUID(),
        targetId: flag.id,
        type: input.type,
        action: input.action,
        tokenHash,
        description: input.description ?? '',
        isEnabled: true,
        triggeredTimes: 0,
        lastTriggeredAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await this.record(tx, actor, organizationId, flag, created, {
        operation: 'Create',
        previous: null,
        current: created,
      });
      return created;
    });
    return { trigger, token };
  }

  async update(
    actor: Actor,
    organizationId: string,
    flag: TriggerFlag,
    trigger: Trigger,
    input: { isEnabled?: boolean; description?: string },
  ): Promise<boolean> {
    await this.store.transaction(async (tx) => {
      const after = await tx.triggers.update({
        ...trigger,
        isEnabled: input.isEnabled ?? trigger.isEnabled,
        description: input.description ?? trigger.description,
        updatedAt: new Date().toISOString(),
      });
      await this.record(tx, actor, organizationId, flag, after, {
        operation: 'Update',
        previous: trigger,
        current: after,
      });
    });
    return true;
  }

  /** A new token; the old one stops working at once. */
  async resetToken(
    actor: Actor,
    organizationId: string,
    flag: TriggerFlag,
    trigger: Trigger,
  ): Promise<string> {
    const { token, tokenHash } = newToken();
    await this.store.transaction(async (tx) => {
      const after = await tx.triggers.update({ ...trigger, tokenHash, updatedAt: new Date().toISOString() });
      await this.record(tx, actor, organizationId, flag, after, {
        operation: 'Update',
        previous: trigger,
        current: after,
        comment: 'Token reset',
      });
    });
    return token;
  }

  async delete(actor: Actor, organizationId: string, flag: TriggerFlag, trigger: Trigger): Promise<boolean> {
    await this.store.transaction(async (tx) => {
      await tx.triggers.delete(trigger.id);
      await this.record(tx, actor, organizationId, flag, trigger, {
        operation: 'Remove',
        previous: trigger,
        current: null,
      });
    });
    return true;
  }

  /**
   * Runs the trigger whose token this is. Whatever the token, the work up to the answer is the same:
   * hash, rate limits, one lookup by the indexed hash; unknown and disabled both answer 404.
   */
  async run(token: string, ip: string): Promise<boolean> {
    const tokenHash = sha256Hex(token);
    await this.limiter.reserve(tokenHash, ip);
    const trigger = await this.triggers.findByTokenHash(tokenHash);
    if (!trigger?.isEnabled) throw new ResourceNotFoundError('trigger');
    await this.limiter.found(ip);
    if (await this.applyToFlag(trigger)) {
      // Read again so concurrent runs lose no count (the flag write above already serialised them).
      const latest = (await this.triggers.findById(trigger.id)) ?? trigger;
      await this.triggers.update(afterRun(latest, new Date().toISOString()));
    }
    return true;
  }

  /** Whether the run changed the flag (one already in the wanted state is left alone, as FeatBit). */
  private async applyToFlag(trigger: Trigger): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const flag = await this.flags.findById(trigger.targetId);
      if (!flag) throw new ResourceNotFoundError('trigger');
      if (!runChangesFlag(trigger, flag.isEnabled)) return false;
      const env = await this.environments.findById(flag.envId);
      const project = env ? await this.projects.findById(env.projectId) : null;
      if (!env || !project) throw new ResourceNotFoundError('trigger');
      try {
        await this.mutations.apply(SYSTEM, project.organizationId, env, flag, {
          operation: 'Update',
          comment: runComment(trigger),
          expectedRevision: flag.revision,
          changes: { isEnabled: wantedFlagState(trigger.action) },
        });
        return true;
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= RUN_ATTEMPTS) throw err;
      }
    }
  }

  /** The trigger's audit entry, in its flag's environment, found by flag key, flag name and description. */
  private record(
    tx: DataStore,
    actor: Actor,
    organizationId: string,
    flag: TriggerFlag,
    trigger: Trigger,
    change: TriggerChange,
  ): Promise<void> {
    return this.audit.record(tx, actor, {
      organizationId,
      envId: flag.envId,
      refType: 'FlagTrigger',
      refId: trigger.id,
      keywords: [flag.key, flag.name, trigger.description],
      operation: change.operation,
      previous: change.previous && redacted(change.previous),
      current: change.current && redacted(change.current),
      comment: change.comment,
    });
  }
}
