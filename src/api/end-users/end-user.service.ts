import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { EndUser, EndUserPropertyDefinition, StoredEndUser } from '../../core/end-users/end-user';
import { EnvironmentEvaluator } from '../../core/evaluation';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { SEGMENT_IN } from '../../core/flags/feature-flag';
import { DataStore } from '../../core/ports/data-store.port';
import {
  FlagRepository,
  type SegmentScope,
  SegmentRepository,
} from '../../core/ports/targeting.repositories';
import {
  type EndUserQuery,
  type EndUserSearch,
  type EndUserUpsert,
  EndUserPropertyRepository,
  EndUserRepository,
} from '../../core/ports/users-and-events.repositories';
import type { CursorPage, Page } from '../../core/shared/paging';
import { BusinessRuleError, ERROR_CODES, ResourceNotFoundError } from '../http/api-errors';
import type { EvaluatedFlagDto, MatchedSegmentDto } from './end-user.dto';

/** A throw-away flag that serves "in" exactly when the user is in the segment. */
function segmentProbe(segmentId: string, envId: string): FeatureFlag {
  const roll = (id: string) => [{ id, rollout: [0, 1] as [number, number], exptRollout: 1 }];
  return {
    id: `probe-${segmentId}`,
    envId,
    revision: '',
    name: 'probe',
    description: '',
    key: 'segment-probe',
    variationType: 'boolean',
    variations: [
      { id: 'in', name: 'in', value: 'true' },
      { id: 'out', name: 'out', value: 'false' },
    ],
    targetUsers: [],
    rules: [
      {
        id: 'r',
        name: 'in',
        dispatchKey: null,
        includedInExpt: false,
        conditions: [{ property: SEGMENT_IN, op: null, value: JSON.stringify([segmentId]) }],
        variations: roll('in'),
      },
    ],
    isEnabled: true,
    disabledVariationId: 'out',
    fallthrough: { dispatchKey: null, includedInExpt: false, variations: roll('out') },
    exptIncludeAllTargets: false,
    tags: [],
    isArchived: false,
    creatorId: '',
    updatorId: '',
    createdAt: '',
    updatedAt: '',
  };
}

export interface PropertyInput {
  name: string;
  presetValues?: { id?: string; value: string; description: string }[];
  usePresetValuesOnly?: boolean;
  isDigestField?: boolean;
  remark?: string;
}

/** End users of an environment and its property catalogue (built-in properties are immutable). */
@Injectable()
export class EndUserService {
  constructor(
    private readonly store: DataStore,
    private readonly endUsers: EndUserRepository,
    private readonly properties: EndUserPropertyRepository,
    private readonly flags: FlagRepository,
    private readonly segments: SegmentRepository,
    private readonly config: AppConfig,
  ) {}

  async find(envId: string, userId: string): Promise<StoredEndUser> {
    const user = await this.endUsers.findById(userId);
    if (!user || user.envId !== envId) throw new ResourceNotFoundError('end user');
    return user;
  }

  search(envId: string, search: EndUserSearch): Promise<CursorPage<StoredEndUser>> {
    return this.endUsers.search(envId, search);
  }

  /** FeatBit's paged query: an environment's users, with the workspace's global users when asked. */
  query(query: EndUserQuery): Promise<Page<StoredEndUser>> {
    return this.endUsers.query(query);
  }

  /**
   * The environment's users with these keyIds; a keyId the environment does not know is looked up
   * among the workspace's global users, which targeting may name in every environment.
   */
  async byKeyIds(envId: string, workspaceId: string, keyIds: readonly string[]): Promise<StoredEndUser[]> {
    const found = await this.endUsers.findByKeyIds(envId, keyIds);
    const known = new Set(found.map((u) => u.keyId));
    const missing = [...new Set(keyIds)].filter((k) => !known.has(k));
    if (missing.length === 0) return found;
    const global = await this.endUsers.query({
      envId: null,
      globalOfWorkspace: workspaceId,
      keyIds: missing,
      excludedKeyIds: [],
      searchKeyId: false,
      searchName: false,
      searchProperties: [],
      pageIndex: 0,
      pageSize: missing.length,
    });
    return [...found, ...global.items];
  }

  /** Creates or updates a user by keyId; new property names join the catalogue with it. */
  async upsert(envId: string, input: Omit<EndUserUpsert, 'envId'>): Promise<StoredEndUser> {
    return this.store.transaction(async (tx) => {
      const { user } = await tx.endUsers.upsert({ envId, ...input });
      await tx.endUserProperties.registerNames(
        envId,
        input.customizedProperties.map((p) => p.name),
      );
      return user;
    });
  }

  /** Every live flag of the environment evaluated for the user (optionally filtered by name or key). */
  async evaluatedFlags(
    envId: string,
    userId: string,
    scope: SegmentScope,
    searchText?: string,
  ): Promise<EvaluatedFlagDto[]> {
    const user = asEndUser(await this.find(envId, userId));
    const evaluator = this.evaluator(await this.segments.listAll(scope));
    const text = searchText?.toLowerCase();
    return (await this.flags.listAll(envId))
      .filter(
        (f) =>
          !f.isArchived &&
          (!text || f.name.toLowerCase().includes(text) || f.key.toLowerCase().includes(text)),
      )
      .map((flag) => {
        const result = evaluator.evaluateFlag(flag, user);
        return {
          id: flag.id,
          name: flag.name,
          key: flag.key,
          variationType: flag.variationType,
          variations: flag.variations,
          matchVariation: flag.variations.find((v) => v.id === result.variationId) ?? null,
          matchReason: result.reason,
        };
      });
  }

  /** The live segments the user is in. */
  async matchedSegments(envId: string, userId: string, scope: SegmentScope): Promise<MatchedSegmentDto[]> {
    const user = asEndUser(await this.find(envId, userId));
    const segments = (await this.segments.listAll(scope)).filter((s) => !s.isArchived);
    const evaluator = this.evaluator(segments);
    return segments
      .filter((s) => evaluator.evaluateFlag(segmentProbe(s.id, envId), user).variationId === 'in')
      .map((s) => ({ id: s.id, name: s.name, key: s.key, type: s.type, updatedAt: s.updatedAt }));
  }

  /** The property catalogue, built-ins (keyId, name) first. */
  async listProperties(envId: string): Promise<EndUserPropertyDefinition[]> {
    const all = await this.properties.list(envId);
    return all.sort((a, b) => Number(b.isBuiltIn) - Number(a.isBuiltIn));
  }

  async upsertProperty(
    envId: string,
    propertyId: string,
    input: PropertyInput,
  ): Promise<EndUserPropertyDefinition> {
    const existing = await this.properties.findById(propertyId);
    if (existing && existing.envId !== envId) throw new ResourceNotFoundError('property');
    if (existing?.isBuiltIn)
      throw new BusinessRuleError(
        ERROR_CODES.cannotModifyBuiltInProperty,
        'built-in properties cannot be changed',
      );
    if (['keyId', 'name'].includes(input.name)) {
      throw new BusinessRuleError(
        ERROR_CODES.cannotModifyBuiltInProperty,
        `${input.name} is a built-in property`,
      );
    }
    const now = new Date().toISOString();
    return this.properties.upsert({
      id: propertyId,
      envId,
      name: input.name.trim(),
      presetValues: (input.presetValues ?? []).map((v) => ({
        id: v.id ?? randomUUID(),
        value: v.value,
        description: v.description,
      })),
      usePresetValuesOnly: input.usePresetValuesOnly ?? false,
      isBuiltIn: false,
      isDigestField: input.isDigestField ?? false,
      remark: input.remark ?? '',
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
  }

  async deleteProperty(envId: string, propertyId: string): Promise<void> {
    const existing = await this.properties.findById(propertyId);
    if (!existing || existing.envId !== envId) throw new ResourceNotFoundError('property');
    if (existing.isBuiltIn)
      throw new BusinessRuleError(
        ERROR_CODES.cannotModifyBuiltInProperty,
        'built-in properties cannot be removed',
      );
    await this.properties.delete(propertyId);
  }

  private evaluator(segments: Parameters<EnvironmentEvaluator['setSegments']>[0]): EnvironmentEvaluator {
    const evaluator = new EnvironmentEvaluator({ missingAttribute: this.config.evaluation.missingAttribute });
    evaluator.setSegments(segments);
    return evaluator;
  }
}

function asEndUser(stored: StoredEndUser): EndUser {
  return { keyId: stored.keyId, name: stored.name, customizedProperties: stored.customizedProperties };
}
