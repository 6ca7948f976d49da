import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { AuditLogEntry } from '../../../../api/api.models';
import { AuditLogsApi } from '../../../../api/audit-logs.api';
import { ContextStore } from '../../../../core/context/context.store';
import { describeError } from '../../../../core/feedback/error-messages';
import { AuditTimelineComponent } from '../../../../ui/audit-timeline/audit-timeline.component';
import { FlagDetailStore } from '../flag-detail.store';

const PAGE_SIZE = 20;

/** The flag's audit log as readable change lists, newest first. */
@Component({
  selector: 'ff-flag-history-page',
  imports: [AuditTimelineComponent],
  template: `
    <ff-audit-timeline
      [entries]="entries()"
      [loading]="loading()"
      [error]="error()"
      [hasMore]="hasMore()"
      [segmentName]="store.segmentName"
      (loadMore)="load(false)"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagHistoryPageComponent {
  readonly store = inject(FlagDetailStore);
  private readonly api = inject(AuditLogsApi);
  private readonly context = inject(ContextStore);

  readonly entries = signal<AuditLogEntry[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly hasMore = computed(() => this.entries().length < this.total());

  constructor() {
    effect(() => {
      const flag = this.store.flag();
      if (flag) untracked(() => void this.load(true));
    });
  }

  async load(reset: boolean): Promise<void> {
    const flag = this.store.flag();
    const envId = this.context.envId();
    if (!flag || !envId) return;
    this.loading.set(true);
    try {
      const page = await firstValueFrom(
        this.api.list(envId, {
          refId: flag.id,
          refType: 'FeatureFlag',
          pageIndex: reset ? 0 : Math.ceil(this.entries().length / PAGE_SIZE),
          pageSize: PAGE_SIZE,
        }),
      );
      this.entries.set(reset ? page.items : [...this.entries(), ...page.items]);
      this.total.set(page.totalCount);
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }
}
