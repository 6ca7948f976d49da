import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import { MatTooltip } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { catchError, firstValueFrom, map, of } from 'rxjs';
import type {
  AuditLogEntry,
  EndUserPropertyDefinition,
  FlagReference,
  Segment,
  SegmentRule,
} from '../../../api/api.models';
import { AuditLogsApi } from '../../../api/audit-logs.api';
import { EndUsersApi } from '../../../api/end-users.api';
import { SegmentsApi } from '../../../api/segments.api';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { ContextStore } from '../../../core/context/context.store';
import type { PermissionAction } from '../../../shared/permissions';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { conditionError, newCondition } from '../../../shared/conditions';
import { newId } from '../../../shared/ids';
import { diffSegments } from '../../../shared/audit-diff';
import type { HasUnsavedChanges } from '../../../shared/unsaved-changes.guard';
import { AuditTimelineComponent } from '../../../ui/audit-timeline/audit-timeline.component';
import {
  type ChangeReviewData,
  ChangeReviewDialogComponent,
} from '../../../ui/change-review-dialog/change-review-dialog.component';
import { CopyButtonComponent } from '../../../ui/copy-button/copy-button.component';
import { SegmentRuleEditorComponent } from '../../../ui/segment-rule-editor/segment-rule-editor.component';
import { UserPickerComponent, type UserSearch } from '../../../ui/user-picker/user-picker.component';
import { SegmentActions } from '../segment-actions.service';

const SEGMENT_EDIT_ACTIONS = [
  'UpdateSegmentName',
  'UpdateSegmentDescription',
  'UpdateSegmentTags',
  'UpdateSegmentTargetingUsers',
  'UpdateSegmentRules',
] as const;

@Component({
  selector: 'ff-segment-detail-page',
  imports: [
    RouterLink,
    MatButton,
    MatIcon,
    MatProgressBar,
    MatTabGroup,
    MatTab,
    MatTabContent,
    MatTooltip,
    CopyButtonComponent,
    UserPickerComponent,
    SegmentRuleEditorComponent,
    AuditTimelineComponent,
  ],
  templateUrl: './segment-detail-page.component.html',
  styleUrl: './segment-detail-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentDetailPageComponent implements HasUnsavedChanges {
  private readonly api = inject(SegmentsApi);
  private readonly endUsers = inject(EndUsersApi);
  private readonly audit = inject(AuditLogsApi);
  private readonly context = inject(ContextStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly actions = inject(SegmentActions);

  /** Route parameter. */
  readonly id = input.required<string>();

  readonly segment = signal<Segment | null>(null);
  private readonly perm = inject(PermissionsStore);
  /** Edits need one of these (the server checks each changed part). */
  readonly saveDenied = computed(() => {
    const segment = this.segment();
    return segment ? this.perm.anySegment(SEGMENT_EDIT_ACTIONS, segment.key, segment.tags) : null;
  });

  denied(action: PermissionAction): string | null {
    const segment = this.segment();
    return segment ? this.perm.segment(action, segment.key, segment.tags) : null;
  }
  readonly draft = linkedSignal<Segment | null>(() => this.segment());
  readonly error = signal<string | null>(null);
  readonly references = signal<FlagReference[]>([]);
  readonly properties = signal<EndUserPropertyDefinition[]>([]);
  readonly history = signal<AuditLogEntry[]>([]);
  readonly historyLoading = signal(false);
  readonly historyError = signal<string | null>(null);
  readonly showErrors = signal(false);
  readonly saving = signal(false);

  readonly changes = computed(() => {
    const segment = this.segment();
    const draft = this.draft();
    return segment && draft ? diffSegments(segment, draft) : [];
  });
  readonly problems = computed(() => {
    const draft = this.draft();
    if (!draft) return [];
    const problems: string[] = [];
    draft.rules.forEach((rule, i) => {
      if (rule.conditions.length === 0)
        problems.push($localize`Rule ${i + 1}:number:: add at least one condition.`);
      for (const c of rule.conditions) {
        const e = conditionError(c);
        if (e) problems.push($localize`Rule ${i + 1}:number:: ${e}:problem:`);
      }
    });
    const both = draft.included.filter((k) => draft.excluded.includes(k));
    if (both.length) problems.push($localize`Users both included and excluded: ${both.join(', ')}:users:`);
    return problems;
  });

  readonly searchUsers: UserSearch = (text, exclude) =>
    this.endUsers
      .search(this.context.envId() ?? '', text, exclude, 10)
      .pipe(map((users) => users.map((u) => ({ keyId: u.keyId, name: u.name }))));

  constructor() {
    effect(() => {
      const id = this.id();
      this.context.envId();
      untracked(() => void this.load(id));
    });
  }

  hasUnsavedChanges(): boolean {
    return this.changes().length > 0 && !this.saving();
  }

  async load(id: string): Promise<void> {
    const envId = this.context.envId();
    if (!envId) return;
    try {
      this.segment.set(await firstValueFrom(this.api.get(envId, id)));
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
      return;
    }
    const [references, properties] = await Promise.all([
      firstValueFrom(this.api.flagReferences(envId, id).pipe(catchError(() => of([])))),
      firstValueFrom(this.endUsers.properties(envId).pipe(catchError(() => of([])))),
    ]);
    this.references.set(references);
    this.properties.set(properties);
  }

  async loadHistory(): Promise<void> {
    const envId = this.context.envId();
    const segment = this.segment();
    if (!envId || !segment) return;
    this.historyLoading.set(true);
    try {
      const page = await firstValueFrom(
        this.audit.list(envId, { refId: segment.id, refType: 'Segment', pageIndex: 0, pageSize: 50 }),
      );
      this.history.set(page.items);
      this.historyError.set(null);
    } catch (err) {
      this.historyError.set(describeError(err));
    } finally {
      this.historyLoading.set(false);
    }
  }

  private patch(patch: Partial<Segment>): void {
    const draft = this.draft();
    if (draft) this.draft.set({ ...draft, ...patch });
  }

  setIncluded(keys: string[]): void {
    this.patch({ included: keys, excluded: (this.draft()?.excluded ?? []).filter((k) => !keys.includes(k)) });
  }

  setExcluded(keys: string[]): void {
    this.patch({ excluded: keys, included: (this.draft()?.included ?? []).filter((k) => !keys.includes(k)) });
  }

  addRule(): void {
    const rules = this.draft()?.rules ?? [];
    // Segment rules only hold attribute conditions, so a new rule starts with an empty one.
    this.patch({ rules: [...rules, { id: newId(), name: '', conditions: [newCondition(newId())] }] });
  }

  setRule(index: number, rule: SegmentRule): void {
    this.patch({ rules: (this.draft()?.rules ?? []).map((r, i) => (i === index ? rule : r)) });
  }

  removeRule(index: number): void {
    this.patch({ rules: (this.draft()?.rules ?? []).filter((_, i) => i !== index) });
  }

  discard(): void {
    this.draft.set(this.segment());
    this.showErrors.set(false);
  }

  async review(): Promise<void> {
    this.showErrors.set(true);
    const segment = this.segment();
    const draft = this.draft();
    if (!segment || !draft || this.problems().length > 0) return;
    const result = await firstValueFrom(
      this.dialog
        .open<ChangeReviewDialogComponent, ChangeReviewData, { comment: string }>(
          ChangeReviewDialogComponent,
          {
            data: {
              title: $localize`Save “${segment.name}:name:”`,
              changes: this.changes(),
              requireComment: this.context.requireChangeComment(),
            },
            width: '600px',
            maxWidth: '95vw',
          },
        )
        .afterClosed(),
    );
    if (!result) return;
    this.saving.set(true);
    try {
      await firstValueFrom(
        this.api.updateTargeting(
          this.context.envId() ?? '',
          segment.id,
          { included: draft.included, excluded: draft.excluded, rules: draft.rules },
          result.comment || undefined,
        ),
      );
      this.notifier.success($localize`Saved “${segment.name}:name:”`);
      this.showErrors.set(false);
      await this.load(segment.id);
      if (this.history().length) await this.loadHistory();
    } catch (err) {
      this.notifier.error(err, $localize`Could not save the segment`);
    } finally {
      this.saving.set(false);
    }
  }

  archive(): void {
    const s = this.segment();
    if (s) this.actions.archive(s).subscribe(() => void this.load(s.id));
  }

  restore(): void {
    const s = this.segment();
    if (s) this.actions.restore(s).subscribe(() => void this.load(s.id));
  }

  remove(): void {
    const s = this.segment();
    if (s) this.actions.remove(s).subscribe(() => void this.router.navigate(['/segments']));
  }
}
