import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { catchError, firstValueFrom, of } from 'rxjs';
import type { FlagListItem } from '../../api/api.models';
import { FlagsApi } from '../../api/flags.api';
import { ContextStore } from '../../core/context/context.store';
import { sdkSnippet, type SdkId, SDKS } from '../../shared/sdk-snippets';
import { CopyButtonComponent } from '../../ui/copy-button/copy-button.component';
import { FlagCreateDrawerComponent } from '../feature-flags/flag-list/flag-create-drawer.component';
import { drawerConfig } from '../feature-flags/flag-list/flag-list-page.component';

type LiveState = 'idle' | 'waiting' | 'received' | 'unsupported';

const POLL_MS = 3000;

/** Pick a flag, connect an SDK with real keys and URLs, and watch for the first evaluation. */
@Component({
  selector: 'ff-get-started-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatIcon,
    MatProgressSpinner,
    CopyButtonComponent,
  ],
  templateUrl: './get-started-page.component.html',
  styleUrl: './get-started-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GetStartedPageComponent {
  private readonly flagsApi = inject(FlagsApi);
  private readonly dialog = inject(MatDialog);
  readonly context = inject(ContextStore);

  readonly sdks = SDKS;
  readonly flags = signal<FlagListItem[]>([]);
  readonly flagKey = signal<string | null>(null);
  readonly sdk = signal<SdkId>('node-server');
  readonly evaluationUrl = signal(window.location.origin);
  readonly live = signal<LiveState>('idle');
  readonly lastCheck = signal<Date | null>(null);

  readonly flag = computed(() => this.flags().find((f) => f.key === this.flagKey()) ?? null);
  readonly sdkInfo = computed(() => SDKS.find((s) => s.id === this.sdk()) ?? SDKS[0]);
  readonly secret = computed(() =>
    this.sdkInfo().secretType === 'server' ? this.context.serverSecret() : this.context.clientSecret(),
  );
  readonly snippet = computed(() => {
    const flag = this.flag();
    const secret = this.secret();
    if (!flag || !secret) return null;
    return sdkSnippet(this.sdk(), {
      flagKey: flag.key,
      variationType: flag.variationType,
      secret: secret.value,
      evaluationUrl: this.evaluationUrl().replace(/\/+$/, ''),
    });
  });

  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The flag's last evaluation when the wait began (server-recorded, so browser clocks never matter). */
  private baseline: string | null = null;
  /** Bumped whenever watching stops (and so on every restart): an earlier wait's poll then ends. */
  private generation = 0;

  constructor() {
    effect(() => {
      this.context.envId();
      untracked(() => void this.loadFlags());
    });
    inject(DestroyRef).onDestroy(() => this.stopWatching());
  }

  async loadFlags(selectKey?: string): Promise<void> {
    const envId = this.context.envId();
    if (!envId) return;
    const page = await firstValueFrom(
      this.flagsApi
        .list(envId, { pageIndex: 0, pageSize: 100, isArchived: false })
        .pipe(catchError(() => of({ totalCount: 0, items: [] as FlagListItem[] }))),
    );
    this.flags.set(page.items);
    const keep = selectKey ?? this.flagKey();
    this.chooseFlag(page.items.find((f) => f.key === keep)?.key ?? page.items[0]?.key ?? null);
  }

  chooseFlag(key: string | null): void {
    this.flagKey.set(key);
    if (key) this.startWatching();
  }

  createFlag(): void {
    this.dialog
      .open(FlagCreateDrawerComponent, drawerConfig())
      .afterClosed()
      .subscribe((key?: string) => key && void this.loadFlags(key));
  }

  /** Polls until the server has recorded an evaluation of the flag newer than when the wait began. */
  startWatching(): void {
    this.stopWatching();
    this.live.set('waiting');
    const generation = this.generation;
    const envId = this.context.envId();
    const flag = this.flagKey();
    if (!envId || !flag) return;
    void this.lastEvaluation(envId, flag).then((seen) => {
      if (generation !== this.generation) return;
      if (seen === 'unsupported') {
        this.live.set('unsupported');
        return;
      }
      this.baseline = seen.last;
      void this.poll(envId, flag, generation);
    });
  }

  private stopWatching(): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async poll(envId: string, flag: string, generation: number): Promise<void> {
    const seen = await this.lastEvaluation(envId, flag);
    if (generation !== this.generation) return; // another flag or environment was chosen meanwhile
    this.lastCheck.set(new Date());
    if (seen === 'unsupported') {
      this.live.set('unsupported');
      return;
    }
    if (seen.last !== null && (this.baseline === null || seen.last > this.baseline)) {
      this.live.set('received');
      return;
    }
    this.timer = setTimeout(() => void this.poll(envId, flag, generation), POLL_MS);
  }

  /**
   * The flag's latest evaluation recorded from SDK insight events (GET …/usage): `last` is null
   * when there is none; `unsupported` when the API cannot tell (no permission, unreachable).
   */
  private async lastEvaluation(
    envId: string,
    flag: string,
  ): Promise<{ last: string | null } | 'unsupported'> {
    try {
      return { last: (await firstValueFrom(this.flagsApi.usage(envId, flag))).lastEvaluatedAt };
    } catch {
      return 'unsupported';
    }
  }
}
