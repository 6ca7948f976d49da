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
import { TriggerRepository } from '../../core/ports/integrations.repositories';
import { FlagRepository } from '../../core/ports/targeting.repositories';
import { EnvironmentRepository, ProjectRepository } from '../../core/ports/tenancy.repositories';
import type { ApiContext } from '../auth/api-context';
import { sha256Hex } from '../auth/token-hash';
import { FlagMutations } from '../feature-flags/flag-mutation.service';
import { ConflictError, ResourceNotFoundError } from '../http/api-errors';
import { TriggerTargets } from './trigger-access';
import { TriggerRateLimiter } from './trigger-rate-limiter';

const SYSTEM: Actor = { creatorId: SYSTEM_ID, kind: 'system', userId: SYSTEM_ID };
/** A run retries this often when someone else changed the flag between its read and its write. */
const RUN_ATTEMPTS = 3;

export interface TriggerInput {
  targetId: string;
  type: TriggerType;
  action: TriggerAction;
  description?: string;
}

/** 32 random bytes, base64url (43 characters); only its SHA-256 is stored. */
function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256Hex(token) };
}

/**
 * Flag triggers (FeatBit's Application/Triggers): a secret URL that turns a flag on or off. The
 * token is answered once, by create and reset; the run changes the flag through FlagMutations,
 * so it is audited (as the system, naming the trigger) and pushed to SDKs like any toggle.
 */
@Injectable()
export class TriggerService {
  constructor(
    private readonly triggers: TriggerRepository,
    private readonly targets: TriggerTargets,
    private readonly flags: FlagRepository,
    private readonly environments: EnvironmentRepository,
    private readonly projects: ProjectRepository,
    private readonly mutations: FlagMutations,
    private readonly limiter: TriggerRateLimiter,
  ) {}

  /** The flag's triggers, newest first (FeatBit's order). */
  async list(ctx: ApiContext, targetId: string): Promise<Trigger[]> {
    const { flag } = await this.targets.flag(ctx, targetId);
    const found = await this.triggers.listByTarget(flag.id);
    return [...found].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async create(ctx: ApiContext, input: TriggerInput): Promise<{ trigger: Trigger; token: string }> {
    const { flag } = await this.targets.flag(ctx, input.targetId);
    const { token, tokenHash } = newToken();
    const now = new Date().toISOString();
    const trigger = await this.triggers.create({
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
    return { trigger, token };
  }

  async update(
    ctx: ApiContext,
    id: string,
    input: { isEnabled?: boolean; description?: string },
  ): Promise<boolean> {
    const trigger = await this.find(ctx, id);
    await this.triggers.update({
      ...trigger,
      isEnabled: input.isEnabled ?? trigger.isEnabled,
      description: input.description ?? trigger.description,
      updatedAt: new Date().toISOString(),
    });
    return true;
  }

  /** A new token; the old one stops working at once. */
  async resetToken(ctx: ApiContext, id: string): Promise<string> {
    const trigger = await this.find(ctx, id);
    const { token, tokenHash } = newToken();
    await this.triggers.update({ ...trigger, tokenHash, updatedAt: new Date().toISOString() });
    return token;
  }

  async delete(ctx: ApiContext, id: string): Promise<boolean> {
    const trigger = await this.find(ctx, id);
    await this.triggers.delete(trigger.id);
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

  private async find(ctx: ApiContext, id: string): Promise<Trigger> {
    return (await this.targets.trigger(ctx, id)).trigger;
  }
}
