import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatTooltip } from '@angular/material/tooltip';
import { firstValueFrom, map } from 'rxjs';
import { ApiError } from '../../../../api/api-envelope';
import type { FeatureFlag, RolloutVariation, TargetRule, Variation } from '../../../../api/api.models';
import { EndUsersApi } from '../../../../api/end-users.api';
import { FlagsApi, revisionOf } from '../../../../api/flags.api';
import { PermissionsStore } from '../../../../core/auth/permissions.store';
import { ContextStore } from '../../../../core/context/context.store';
import { Notifier } from '../../../../core/feedback/notifier.service';
import { diffFlags } from '../../../../shared/audit-diff';
import {
  draftProblems,
  isVariationInUse,
  moveItem,
  newRule,
  setTargetedUsers,
  targetedUsers,
} from '../../../../shared/targeting-draft';
import type { HasUnsavedChanges } from '../../../../shared/unsaved-changes.guard';
import { variationTypeBadge } from '../../../../shared/variations';
import {
  type ChangeReviewData,
  ChangeReviewDialogComponent,
  type ChangeReviewResult,
} from '../../../../ui/change-review-dialog/change-review-dialog.component';
import { confirmAction } from '../../../../ui/confirm-dialog/confirm-dialog.component';
import { RuleEditorComponent } from '../../../../ui/rule-editor/rule-editor.component';
import { ServeEditorComponent } from '../../../../ui/serve-editor/serve-editor.component';
import { UserPickerComponent, type UserSearch } from '../../../../ui/user-picker/user-picker.component';
import { VariationsEditorComponent } from '../../../../ui/variations-editor/variations-editor.component';
import { ChangeProposals } from '../../../release-workflows/change-proposals.service';
import { GuardrailPanelComponent } from '../experimentation/guardrail-panel.component';
import { FlagDetailStore } from '../flag-detail.store';

const TARGETING_ACTIONS = [
  'UpdateFlagIndividualTargeting',
  'UpdateFlagDefaultRule',
  'UpdateFlagTargetingRules',
] as const;

@Component({
  selector: 'ff-targeting-page',
  imports: [
    MatFormField,
    MatLabel,
    MatHint,
    MatSelect,
    MatOption,
    MatButton,
    MatIcon,
    MatSlideToggle,
    MatCheckbox,
    MatTooltip,
    RuleEditorComponent,
    ServeEditorComponent,
    GuardrailPanelComponent,
    UserPickerComponent,
    VariationsEditorComponent,
  ],
  templateUrl: './targeting-page.component.html',
  styleUrl: './targeting-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetingPageComponent implements HasUnsavedChanges {
  readonly store = inject(FlagDetailStore);
  readonly variationTypeBadge = variationTypeBadge;
  private readonly flags = inject(FlagsApi);
  private readonly endUsers = inject(EndUsersApi);
  private readonly context = inject(ContextStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly proposals = inject(ChangeProposals);

  /** The working copy; it starts over whenever the stored flag is (re)loaded. */
  readonly draft = linkedSignal<FeatureFlag | null>(() => this.store.flag());
  readonly showErrors = signal(false);
  readonly saving = signal(false);

  readonly changes = computed(() => {
    const flag = this.store.flag();
    const draft = this.draft();
    return flag && draft ? diffFlags(flag, draft, this.store.segmentName) : [];
  });
  readonly dirty = computed(() => this.changes().length > 0);
  readonly problems = computed(() => {
    const draft = this.draft();
    return draft ? draftProblems(draft) : [];
  });
  readonly propertyNames = computed(() => this.store.properties().map((p) => p.name));
  private readonly perm = inject(PermissionsStore);
  /** The targeting save needs one of these (the server checks each changed part). */
  readonly saveDenied = computed(() => {
    const flag = this.store.flag();
    return flag ? this.perm.anyFlag(TARGETING_ACTIONS, flag.key, flag.tags) : null;
  });
  readonly canRemoveVariation = computed(() => {
    const draft = this.draft();
    return (id: string) => !draft || !isVariationInUse(draft, id);
  });

  readonly searchUsers: UserSearch = (text, exclude) =>
    this.endUsers
      .search(this.context.envId() ?? '', text, exclude, 10)
      .pipe(map((users) => users.map((u) => ({ keyId: u.keyId, name: u.name }))));

  hasUnsavedChanges(): boolean {
    return this.dirty() && !this.saving();
  }

  private patch(patch: Partial<FeatureFlag>): void {
    const draft = this.draft();
    if (draft) this.draft.set({ ...draft, ...patch });
  }

  serveLabel(variation: Variation): string {
    return $localize`Serve ${variation.name || variation.value}:variation: to`;
  }

  usersOf(variationId: string): string[] {
    return targetedUsers(this.draft()?.targetUsers ?? [], variationId);
  }

  setUsers(variationId: string, keyIds: string[]): void {
    this.patch({ targetUsers: setTargetedUsers(this.draft()?.targetUsers ?? [], variationId, keyIds) });
  }

  setOffVariation(id: string): void {
    this.patch({ disabledVariationId: id });
  }

  setVariations(variations: Variation[]): void {
    this.patch({ variations });
  }

  addRule(): void {
    const draft = this.draft();
    if (draft) this.patch({ rules: [...draft.rules, newRule(draft.variations, draft.rules.length)] });
  }

  setRule(index: number, rule: TargetRule): void {
    this.patch({ rules: (this.draft()?.rules ?? []).map((r, i) => (i === index ? rule : r)) });
  }

  removeRule(index: number): void {
    this.patch({ rules: (this.draft()?.rules ?? []).filter((_, i) => i !== index) });
  }

  moveRule(index: number, delta: -1 | 1): void {
    this.patch({ rules: moveItem(this.draft()?.rules ?? [], index, delta) });
  }

  setDefaultServe(variations: RolloutVariation[]): void {
    const draft = this.draft();
    if (draft) this.patch({ fallthrough: { ...draft.fallthrough, variations } });
  }

  setDefaultDispatchKey(dispatchKey: string | null): void {
    const draft = this.draft();
    if (draft) this.patch({ fallthrough: { ...draft.fallthrough, dispatchKey } });
  }

  setExptAll(all: boolean): void {
    this.patch({ exptIncludeAllTargets: all });
  }

  setRuleInExpt(index: number, included: boolean): void {
    const rule = this.draft()?.rules[index];
    if (rule) this.setRule(index, { ...rule, includedInExpt: included });
  }

  setDefaultInExpt(included: boolean): void {
    const draft = this.draft();
    if (draft) this.patch({ fallthrough: { ...draft.fallthrough, includedInExpt: included } });
  }

  discard(): void {
    this.draft.set(this.store.flag());
    this.showErrors.set(false);
  }

  async review(): Promise<void> {
    this.showErrors.set(true);
    const flag = this.store.flag();
    const draft = this.draft();
    if (!flag || !draft || this.saving()) return;
    if (this.problems().length > 0) {
      this.notifier.info($localize`Fix the highlighted problems before saving.`);
      return;
    }
    // Proposals carry targeting and on/off only: variation edits are saved directly.
    const proposable =
      flag.disabledVariationId === draft.disabledVariationId &&
      JSON.stringify(flag.variations) === JSON.stringify(draft.variations);
    const result = await firstValueFrom(
      this.dialog
        .open<ChangeReviewDialogComponent, ChangeReviewData, ChangeReviewResult>(
          ChangeReviewDialogComponent,
          {
            data: {
              title: $localize`Save changes to “${flag.name}:flagName:”`,
              changes: this.changes(),
              requireComment: this.context.requireChangeComment(),
              approvalRequired: this.proposals.approvalRequired(),
              proposable,
              reviewers: this.proposals.reviewerOptions(),
            },
            width: '640px',
            maxWidth: '95vw',
          },
        )
        .afterClosed(),
    );
    if (result?.mode === 'now') await this.save(flag, draft, result.comment);
    else if (result) await this.propose(flag, draft, result);
  }

  /** Schedules the targeting change or sends it for review; the flag itself stays as it is. */
  private async propose(
    flag: FeatureFlag,
    draft: FeatureFlag,
    choice: Exclude<ChangeReviewResult, { mode: 'now' }>,
  ): Promise<void> {
    this.saving.set(true);
    try {
      await firstValueFrom(
        this.proposals.propose(flag.key, flag.revision, { targeting: targetingOf(draft) }, choice),
      );
      this.notifier.success(
        choice.mode === 'schedule'
          ? $localize`Scheduled “${choice.title}:title:”`
          : $localize`Sent the change for approval`,
      );
      this.showErrors.set(false);
      await this.store.reload();
      this.draft.set(this.store.flag());
    } catch (err) {
      this.notifier.error(err, $localize`Could not propose the change`);
    } finally {
      this.saving.set(false);
    }
  }

  /** Variations, off variation and targeting are separate endpoints; each returns the next revision. */
  private async save(flag: FeatureFlag, draft: FeatureFlag, comment: string): Promise<void> {
    const envId = this.context.envId() ?? '';
    const note = comment || undefined;
    let revision = flag.revision;
    this.saving.set(true);
    try {
      if (JSON.stringify(flag.variations) !== JSON.stringify(draft.variations)) {
        revision =
          revisionOf(
            await firstValueFrom(
              this.flags.updateVariations(envId, flag.key, draft.variations, revision, note),
            ),
          ) ?? revision;
      }
      if (flag.disabledVariationId !== draft.disabledVariationId) {
        revision =
          revisionOf(
            await firstValueFrom(
              this.flags.updateOffVariation(envId, flag.key, draft.disabledVariationId, revision, note),
            ),
          ) ?? revision;
      }
      const targeting = targetingOf(draft);
      const before = targetingOf(flag);
      if (JSON.stringify(targeting) !== JSON.stringify(before)) {
        await firstValueFrom(this.flags.updateTargeting(envId, flag.key, targeting, revision, note));
      }
      this.notifier.success($localize`Saved “${flag.name}:flagName:”`);
      this.showErrors.set(false);
      await this.store.reload();
    } catch (err) {
      if (ApiError.from(err).status === 409 || ApiError.from(err).has('Conflict')) {
        await this.conflict();
      } else {
        this.notifier.error(err, $localize`Could not save the flag`);
      }
    } finally {
      this.saving.set(false);
    }
  }

  private async conflict(): Promise<void> {
    const reload = await firstValueFrom(
      confirmAction(this.dialog, {
        title: $localize`Someone else changed this flag`,
        message: $localize`The flag was changed since you opened it, so your changes were not saved.\n\nReload to see the latest version (your unsaved edits are discarded), or keep editing and copy what you need first.`,
        confirmLabel: $localize`Reload the flag`,
      }),
    );
    if (reload) {
      await this.store.reload();
      this.draft.set(this.store.flag());
      this.notifier.info($localize`Loaded the latest version of the flag.`);
    }
  }
}

function targetingOf(flag: FeatureFlag) {
  return {
    targetUsers: flag.targetUsers,
    rules: flag.rules,
    fallthrough: flag.fallthrough,
    exptIncludeAllTargets: flag.exptIncludeAllTargets,
  };
}
