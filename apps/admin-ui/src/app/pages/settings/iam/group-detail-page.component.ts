import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatSelect } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { firstValueFrom, type Observable } from 'rxjs';
import { type Group, type GroupMember, type GroupPolicy, IamApi } from '../../../api/iam.api';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { GroupDialogComponent } from './group-dialog.component';

/** One group: its members (add, remove) and policies (attach, detach). */
@Component({
  selector: 'ff-group-detail-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatIcon,
    MatTooltip,
  ],
  template: `
    <a routerLink="../" class="back"><mat-icon inline>arrow_back</mat-icon> <span i18n>Groups</span></a>
    @if (error(); as message) {
      <p i18n class="ff-error-text" role="alert">The group could not be loaded: {{ message }}</p>
    }
    @if (group(); as g) {
      <div class="ff-toolbar">
        <div>
          <h2 data-testid="group-title">{{ g.name }}</h2>
          <p class="ff-muted">
            @if (g.description) {
              {{ g.description }}
            } @else {
              <ng-container i18n>No description.</ng-container>
            }
          </p>
        </div>
        <span class="ff-spacer"></span>
        <button
          mat-stroked-button
          type="button"
          (click)="edit(g)"
          [disabled]="!!denied()"
          [disabledInteractive]="true"
          [matTooltip]="denied() ?? ''"
        >
          <mat-icon>edit</mat-icon> <span i18n>Edit</span>
        </button>
      </div>

      <section class="ff-card" aria-labelledby="group-members" data-testid="group-members">
        <h3 i18n id="group-members">Members</h3>
        <ul class="list">
          @for (m of inGroup(); track m.id) {
            <li>
              <a [routerLink]="['../../team', m.id]">{{ m.name || m.email }}</a>
              <span class="ff-muted ff-small">{{ m.email }}</span>
              <span class="ff-spacer"></span>
              <button
                i18n
                mat-button
                type="button"
                (click)="removeMember(m)"
                [disabled]="!!denied()"
                [disabledInteractive]="true"
                [matTooltip]="denied() ?? ''"
              >
                Remove
              </button>
            </li>
          } @empty {
            <li i18n class="ff-muted">No members yet.</li>
          }
        </ul>
        <div class="attach">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label i18n>Add a member</mat-label>
            <mat-select [(ngModel)]="memberToAdd" data-testid="group-member-select">
              @for (m of notInGroup(); track m.id) {
                <mat-option [value]="m.id">{{ m.email }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button
            i18n
            mat-stroked-button
            type="button"
            (click)="addMember()"
            [disabled]="!memberToAdd || !!denied()"
            [disabledInteractive]="true"
            [matTooltip]="denied() ?? ''"
            data-testid="group-member-add"
          >
            Add
          </button>
        </div>
      </section>

      <section class="ff-card" aria-labelledby="group-policies" data-testid="group-policies">
        <h3 i18n id="group-policies">Policies</h3>
        <ul class="list">
          @for (p of attached(); track p.id) {
            <li>
              <a [routerLink]="['../../policies', p.id]">{{ p.name }}</a>
              <span class="ff-muted ff-small">{{ p.key }}</span>
              <span class="ff-spacer"></span>
              <button
                i18n
                mat-button
                type="button"
                (click)="detach(p)"
                [disabled]="!!denied()"
                [disabledInteractive]="true"
                [matTooltip]="denied() ?? ''"
              >
                Detach
              </button>
            </li>
          } @empty {
            <li i18n class="ff-muted">No policies: the group grants nothing.</li>
          }
        </ul>
        <div class="attach">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label i18n>Attach a policy</mat-label>
            <mat-select [(ngModel)]="policyToAttach" data-testid="group-policy-select">
              @for (p of detached(); track p.id) {
                <mat-option [value]="p.id">{{ p.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button
            i18n
            mat-stroked-button
            type="button"
            (click)="attach()"
            [disabled]="!policyToAttach || !!denied()"
            [disabledInteractive]="true"
            [matTooltip]="denied() ?? ''"
            data-testid="group-policy-attach"
          >
            Attach
          </button>
        </div>
      </section>
    }
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .ff-card {
      margin-bottom: 16px;
    }
    .list {
      list-style: none;
      padding: 0;
      margin: 0;
      li {
        display: flex;
        align-items: center;
        gap: 8px;
        min-height: 40px;
      }
    }
    .attach {
      display: flex;
      align-items: center;
      gap: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupDetailPageComponent {
  private readonly iam = inject(IamApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly perm = inject(PermissionsStore);

  readonly groupId = input.required<string>();
  readonly group = signal<Group | null>(null);
  readonly members = signal<GroupMember[]>([]);
  readonly policies = signal<GroupPolicy[]>([]);
  readonly error = signal<string | null>(null);
  readonly denied = computed(() => this.perm.iamAction());
  readonly inGroup = computed(() => this.members().filter((m) => m.isGroupMember));
  readonly notInGroup = computed(() => this.members().filter((m) => !m.isGroupMember));
  readonly attached = computed(() => this.policies().filter((p) => p.isGroupPolicy));
  readonly detached = computed(() => this.policies().filter((p) => !p.isGroupPolicy));
  memberToAdd = '';
  policyToAttach = '';

  constructor() {
    effect(() => {
      const id = this.groupId();
      untracked(() => void this.load(id));
    });
  }

  async load(id = this.groupId()): Promise<void> {
    try {
      const [group, members, policies] = await Promise.all([
        firstValueFrom(this.iam.group(id)),
        firstValueFrom(this.iam.groupMembers(id)),
        firstValueFrom(this.iam.groupPolicies(id)),
      ]);
      this.group.set(group);
      this.members.set(members.items);
      this.policies.set(policies.items);
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    }
  }

  edit(group: Group): void {
    this.dialog
      .open(GroupDialogComponent, { width: '480px', maxWidth: '95vw', data: group })
      .afterClosed()
      .subscribe(() => void this.load());
  }

  addMember(): void {
    const member = this.members().find((m) => m.id === this.memberToAdd);
    if (!member) return;
    this.memberToAdd = '';
    this.run(this.iam.addGroupMember(this.groupId(), member.id), $localize`Added ${member.email}:email:`);
  }

  removeMember(member: GroupMember): void {
    this.run(
      this.iam.removeGroupMember(this.groupId(), member.id),
      $localize`Removed ${member.email}:email:`,
    );
  }

  attach(): void {
    const policy = this.policies().find((p) => p.id === this.policyToAttach);
    if (!policy) return;
    this.policyToAttach = '';
    this.run(
      this.iam.attachGroupPolicy(this.groupId(), policy.id),
      $localize`Attached “${policy.name}:name:”`,
    );
  }

  detach(policy: GroupPolicy): void {
    this.run(
      this.iam.detachGroupPolicy(this.groupId(), policy.id),
      $localize`Detached “${policy.name}:name:”`,
    );
  }

  private run(call: Observable<unknown>, done: string): void {
    call.subscribe({
      next: () => {
        this.notifier.success(done);
        void this.load();
        void this.perm.refresh();
      },
      error: (err: unknown) => this.notifier.error(err, $localize`Could not change the group`),
    });
  }
}
