import { DatePipe } from '@angular/common';
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
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { EvaluatedFlag, MatchedSegment, StoredEndUser } from '../../../api/api.models';
import { EndUsersApi } from '../../../api/end-users.api';
import { ContextStore } from '../../../core/context/context.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { CopyButtonComponent } from '../../../ui/copy-button/copy-button.component';

interface FlagRow {
  name: string;
  key: string;
  variation: string;
  reason: string;
}

/** One end user: properties, every flag evaluated for them (with the reason) and matched segments. */
@Component({
  selector: 'ff-user-detail-page',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    MatTableModule,
    MatButton,
    MatIcon,
    MatProgressBar,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    CopyButtonComponent,
  ],
  templateUrl: './user-detail-page.component.html',
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      text-decoration: none;
      margin-bottom: 8px;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(260px, 1fr) 2fr;
      gap: 16px;
      align-items: start;
      @media (max-width: 1100px) {
        grid-template-columns: 1fr;
      }
    }
    .props {
      width: 100%;
      border-collapse: collapse;
      th {
        text-align: left;
        font-weight: 500;
        color: var(--mat-sys-on-surface-variant);
        padding: 4px 12px 4px 0;
        vertical-align: top;
        width: 40%;
      }
      td {
        padding: 4px 0;
        word-break: break-word;
      }
    }
    .segments {
      margin: 0;
      padding-left: 20px;
    }
    .filter {
      width: 100%;
      max-width: 360px;
    }
    .reason {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDetailPageComponent {
  private readonly api = inject(EndUsersApi);
  private readonly context = inject(ContextStore);
  private readonly notifier = inject(Notifier);

  /** Route parameter. */
  readonly id = input.required<string>();

  readonly user = signal<StoredEndUser | null>(null);
  readonly flags = signal<EvaluatedFlag[]>([]);
  readonly segments = signal<MatchedSegment[]>([]);
  readonly error = signal<string | null>(null);
  readonly evaluating = signal(false);
  readonly flagFilter = signal('');
  readonly flagColumns = ['flag', 'variation', 'reason'];

  readonly flagRows = computed<FlagRow[]>(() => {
    const text = this.flagFilter().toLowerCase();
    return this.flags()
      .filter((f) => !text || f.name.toLowerCase().includes(text) || f.key.toLowerCase().includes(text))
      .map((f) => ({ name: f.name, key: f.key, variation: variationText(f), reason: f.matchReason }));
  });

  readonly allProperties = computed(() => {
    const user = this.user();
    if (!user) return [];
    return [
      { name: 'keyId', value: user.keyId },
      { name: 'name', value: user.name ?? '' },
      ...(user.customizedProperties ?? []).map((p) => ({ name: p.name, value: p.value ?? '' })),
    ];
  });

  constructor() {
    effect(() => {
      const id = this.id();
      this.context.envId();
      untracked(() => void this.load(id));
    });
  }

  async load(id: string): Promise<void> {
    const envId = this.context.envId();
    if (!envId) return;
    try {
      this.user.set(await firstValueFrom(this.api.get(envId, id)));
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
      return;
    }
    await this.evaluate();
  }

  /** Evaluates every flag for this user on the server, with the reason for each result. */
  async evaluate(): Promise<void> {
    const envId = this.context.envId();
    const user = this.user();
    if (!envId || !user) return;
    this.evaluating.set(true);
    try {
      const [flags, segments] = await Promise.all([
        firstValueFrom(this.api.evaluatedFlags(envId, user.id)),
        firstValueFrom(this.api.segments(envId, user.id)),
      ]);
      this.flags.set(flags);
      this.segments.set(segments);
    } catch (err) {
      this.notifier.error(err, $localize`Could not evaluate the flags for this user`);
    } finally {
      this.evaluating.set(false);
    }
  }
}

function variationText(flag: EvaluatedFlag): string {
  const match = flag.matchVariation;
  return match ? match.name || match.value : $localize`(none)`;
}
