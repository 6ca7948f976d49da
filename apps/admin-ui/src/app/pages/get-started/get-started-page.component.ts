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
import { EndUsersApi } from '../../api/end-users.api';
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
  private readonly endUsers = inject(EndUsersApi);
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
  /** Newest end-user timestamp seen when the wait began (server time, so clocks may differ). */
  private userBaseline: string | null = null;

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

  /** Polls until the server has seen an evaluation of the flag since this page started waiting. */
  startWatching(): void {
    this.stopWatching();
    this.userBaseline = null;
    this.live.set('waiting');
    void this.newestUser().then((newest) => {
      this.userBaseline = newest ?? '';
      void this.poll();
    });
  }

  private stopWatching(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async poll(): Promise<void> {
    const envId = this.context.envId();
    const flag = this.flag();
    if (!envId || !flag) return;
    const seen = await this.evaluationSeen();
    this.lastCheck.set(new Date());
    if (seen === 'unsupported') {
      this.live.set('unsupported');
      return;
    }
    if (seen) {
      this.live.set('received');
      return;
    }
    this.timer = setTimeout(() => void this.poll(), POLL_MS);
  }

  /**
   * The API has no endpoint that reports evaluations (FeatBit's flag insights), so the signal is an
   * end user recorded after the wait began: SDKs report their users when they evaluate. Timestamps
   * are compared with the server's own, never with the browser clock.
   */
  private async evaluationSeen(): Promise<boolean | 'unsupported'> {
    try {
      const newest = await this.newestUser(true);
      return newest !== null && newest > (this.userBaseline ?? '');
    } catch {
      return 'unsupported';
    }
  }

  private async newestUser(throwOnError = false): Promise<string | null> {
    const envId = this.context.envId();
    if (!envId) return null;
    try {
      const page = await firstValueFrom(this.endUsers.list(envId, '', null, 20));
      return page.items.reduce<string | null>(
        (max, u) => (max === null || u.updatedAt > max ? u.updatedAt : max),
        null,
      );
    } catch (err) {
      if (throwOnError) throw err;
      return null;
    }
  }
}
