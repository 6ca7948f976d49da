import { Injectable } from '@nestjs/common';
import { targetingPermissions } from '../../core/flags/flag-instructions';
import { validateTargeting } from '../../core/flags/flag-validation';
import type { PermissionAction } from '../../core/iam/permissions';
import { GroupRepository } from '../../core/ports/iam.repositories';
import { OrganizationRepository } from '../../core/ports/tenancy.repositories';
import { type ApprovalSetting, chooseReviewers } from '../../core/workflow/change-request-rules';
import { changedParts, type FlagServing, servingOf } from '../../core/workflow/pending-change';
import type { ChangeRequestReviewer } from '../../core/workflow/workflow';
import { FlagTargeting } from '../feature-flags/flag-targeting.service';
import { ConflictError, ForbiddenError, ValidationFailedError } from '../http/api-errors';
import type { FlagPlace } from './draft-applier.service';
import type { ProposalDto } from './release-workflow.dto';

/** Whether the caller holds a permission on the flag (from the request's IAM context). */
export type FlagPermissionCheck = (action: PermissionAction) => boolean;

/** Turns a proposal into the flag's serving configuration as proposed, and picks reviewers. */
@Injectable()
export class FlagProposals {
  constructor(
    private readonly targeting: FlagTargeting,
    private readonly groups: GroupRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  /**
   * The proposed configuration, checked now so that nothing unappliable waits: the revision is
   * current (409), something changes, the caller may change each part, and the targeting is valid.
   */
  async propose(place: FlagPlace, input: ProposalDto, can: FlagPermissionCheck): Promise<FlagServing> {
    const { flag } = place;
    if (input.revision !== flag.revision) {
      throw new ConflictError(
        `flag ${flag.key} was changed by someone else (revision ${flag.revision}); reload and retry`,
      );
    }
    if (!input.targeting && input.isEnabled === undefined) {
      throw ValidationFailedError.of(
        'targeting',
        'targeting_is_required',
        'propose new targeting, an on/off state, or both',
      );
    }
    const current = servingOf(flag);
    const proposed: FlagServing = {
      ...current,
      ...(input.targeting ? this.targeting.normalise(input.targeting) : {}),
      ...(input.isEnabled === undefined ? {} : { isEnabled: input.isEnabled }),
    };
    const parts = changedParts(current, proposed);
    if (parts.length === 0) {
      throw ValidationFailedError.of('targeting', 'targeting_is_unchanged', 'the proposal changes nothing');
    }
    const needed: PermissionAction[] = targetingPermissions(flag, proposed);
    if (parts.includes('onOff')) needed.push('ToggleFlag');
    const refused = needed.find((action) => !can(action));
    if (refused) throw new ForbiddenError(`not allowed: ${refused} on flag ${flag.key}`);
    const segmentIds = await this.targeting.visibleSegmentIds(place.org, place.env, place.project);
    const problems = validateTargeting(flag.variations, proposed, segmentIds);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return proposed;
  }

  /** The reviewers of a new change request (400 naming `reviewers` when they cannot review). */
  async reviewers(
    organizationId: string,
    setting: ApprovalSetting,
    requested: readonly string[],
    requesterId: string,
  ): Promise<ChangeRequestReviewer[]> {
    const pool = await this.pool(organizationId, setting);
    const chosen = chooseReviewers(requested, requesterId, pool);
    if ('problem' in chosen)
      throw ValidationFailedError.of('reviewers', 'reviewers_is_invalid', chosen.problem);
    for (const r of chosen.ok) {
      if (!(await this.organizations.findMember(organizationId, r.memberId))) {
        throw ValidationFailedError.of(
          'reviewers',
          'reviewers_is_invalid',
          `${r.memberId} is not a member of this organization`,
        );
      }
    }
    return chosen.ok;
  }

  /** Who the environment lets review: its members and its groups' members; null when it names nobody. */
  private async pool(organizationId: string, setting: ApprovalSetting): Promise<Set<string> | null> {
    if (setting.reviewerMemberIds.length === 0 && setting.reviewerGroupIds.length === 0) return null;
    const pool = new Set(setting.reviewerMemberIds);
    for (const groupId of setting.reviewerGroupIds) {
      const group = await this.groups.findById(groupId);
      if (group?.organizationId !== organizationId) continue;
      for (const id of await this.groups.listMemberIds(groupId)) pool.add(id);
    }
    return pool;
  }
}
