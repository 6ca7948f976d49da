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
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatSelect } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { firstValueFrom, type Observable } from 'rxjs';
import {
  IamApi,
  type InheritedPolicy,
  type Member,
  type MemberGroup,
  type Policy,
} from '../../../api/iam.api';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';

/** One member: their groups, direct policies (attach, detach) and policies inherited from groups. */
@Component({
  selector: 'ff-member-detail-page',
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
    <a routerLink="../" class="back"><mat-icon inline>arrow_back</mat-icon> <span i18n>Team</span></a>
    @if (error(); as message) {
      <p i18n class="ff-error-text" role="alert">The member could not be loaded: {{ message }}</p>
    }
    @if (member(); as m) {
      <h2 data-testid="member-title">{{ m.name || m.email }}</h2>
      <p class="ff-muted">{{ m.email }}</p>

      <section class="ff-card" aria-labelledby="member-groups">
        <h3 i18n id="member-groups">Groups</h3>
        @for (g of groups(); track g.id) {
          <a class="ff-badge chip" [routerLink]="['../../groups', g.id]">{{ g.name }}</a>
        } @empty {
          <p i18n class="ff-muted">Not in any group.</p>
        }
      </section>

      <section class="ff-card" aria-labelledby="member-direct" data-testid="member-direct-policies">
        <h3 i18n id="member-direct">Direct policies</h3>
        <ul class="list">
          @for (p of direct(); track p.id) {
            <li>
              <a [routerLink]="['../../policies', p.id]">{{ p.name }}</a>
              <span class="ff-muted ff-small">{{ p.key }}</span>
              <span class="ff-spacer"></span>
              <button
                i18n
                mat-button
                type="button"
                (click)="detach(p)"
                [disabled]="!!perm.iamAction()"
                [disabledInteractive]="true"
                [matTooltip]="perm.iamAction() ?? ''"
                [attr.data-testid]="'detach-policy-' + p.key"
              >
                Detach
              </button>
            </li>
          } @empty {
            <li i18n class="ff-muted">No direct policy.</li>
          }
        </ul>
        <div class="attach">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label i18n>Attach a policy</mat-label>
            <mat-select [(ngModel)]="toAttach" data-testid="member-attach-select">
              @for (p of attachable(); track p.id) {
                <mat-option [value]="p.id">{{ p.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button
            i18n
            mat-stroked-button
            type="button"
            (click)="attach()"
            [disabled]="!toAttach || !!perm.iamAction()"
            [disabledInteractive]="true"
            [matTooltip]="perm.iamAction() ?? ''"
            data-testid="member-attach"
          >
            Attach
          </button>
        </div>
      </section>

      <section class="ff-card" aria-labelledby="member-inherited" data-testid="member-inherited-policies">
        <h3 i18n id="member-inherited">Inherited from groups</h3>
        <p i18n class="ff-muted ff-small">Change these on the group’s page.</p>
        <ul class="list">
          @for (p of inherited(); track p.id) {
            <li>
              <a [routerLink]="['../../policies', p.id]">{{ p.name }}</a>
              <span i18n class="ff-muted ff-small">from {{ groupsOf(p) }}</span>
            </li>
          } @empty {
            <li i18n class="ff-muted">No inherited policy.</li>
          }
        </ul>
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
    .chip {
      margin-right: 8px;
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
export class MemberDetailPageComponent {
  private readonly iam = inject(IamApi);
  private readonly notifier = inject(Notifier);
  readonly perm = inject(PermissionsStore);

  readonly memberId = input.required<string>();
  readonly member = signal<Member | null>(null);
  readonly groups = signal<MemberGroup[]>([]);
  readonly direct = signal<Policy[]>([]);
  readonly inherited = signal<InheritedPolicy[]>([]);
  readonly all = signal<Policy[]>([]);
  readonly error = signal<string | null>(null);
  readonly attachable = computed(() => this.all().filter((p) => !this.direct().some((d) => d.id === p.id)));
  toAttach = '';

  constructor() {
    effect(() => {
      const id = this.memberId();
      untracked(() => void this.load(id));
    });
  }

  async load(id = this.memberId()): Promise<void> {
    try {
      const [member, groups, direct, inherited, all] = await Promise.all([
        firstValueFrom(this.iam.member(id)),
        firstValueFrom(this.iam.memberGroups(id)),
        firstValueFrom(this.iam.memberDirectPolicies(id)),
        firstValueFrom(this.iam.memberInheritedPolicies(id)),
        firstValueFrom(this.iam.policies({ pageIndex: 0, pageSize: 500 })),
      ]);
      this.member.set(member);
      this.groups.set(groups.items);
      this.direct.set(direct.items);
      this.inherited.set(inherited.items);
      this.all.set(all.items);
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    }
  }

  groupsOf(policy: InheritedPolicy): string {
    return policy.groups.map((g) => g.name).join(', ');
  }

  attach(): void {
    const policy = this.all().find((p) => p.id === this.toAttach);
    if (!policy) return;
    this.run(
      this.iam.attachMemberPolicy(this.memberId(), policy.id),
      $localize`Attached “${policy.name}:name:”`,
    );
    this.toAttach = '';
  }

  detach(policy: Policy): void {
    this.run(
      this.iam.detachMemberPolicy(this.memberId(), policy.id),
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
      error: (err: unknown) => this.notifier.error(err, $localize`Could not change the policies`),
    });
  }
}
