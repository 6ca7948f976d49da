import { computed, inject, Injectable, signal } from '@angular/core';
import { catchError, firstValueFrom, of } from 'rxjs';
import type { EndUserPropertyDefinition, SegmentListItem } from '../../../api/api.models';
import type { FlagDetail } from '../../../api/flag-lifecycle.api';
import { EndUsersApi } from '../../../api/end-users.api';
import { FlagsApi } from '../../../api/flags.api';
import { SegmentsApi } from '../../../api/segments.api';
import { ContextStore } from '../../../core/context/context.store';
import { describeError } from '../../../core/feedback/error-messages';

/** The flag being viewed plus what its editors need (user properties, segments), for one detail page. */
@Injectable()
export class FlagDetailStore {
  private readonly flags = inject(FlagsApi);
  private readonly endUsers = inject(EndUsersApi);
  private readonly segmentsApi = inject(SegmentsApi);
  private readonly context = inject(ContextStore);

  readonly key = signal<string | null>(null);
  readonly flag = signal<FlagDetail | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly properties = signal<EndUserPropertyDefinition[]>([]);
  readonly segments = signal<SegmentListItem[]>([]);
  readonly segmentOptions = computed(() => this.segments().map((s) => ({ id: s.id, name: s.name })));

  segmentName = (id: string): string => this.segments().find((s) => s.id === id)?.name ?? id;

  async open(key: string): Promise<void> {
    this.key.set(key);
    this.flag.set(null);
    await Promise.all([this.reload(), this.loadCatalogues()]);
  }

  async reload(): Promise<void> {
    const envId = this.context.envId();
    const key = this.key();
    if (!envId || !key) return;
    this.loading.set(true);
    try {
      this.flag.set(await firstValueFrom(this.flags.get(envId, key)));
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }

  private async loadCatalogues(): Promise<void> {
    const envId = this.context.envId();
    if (!envId) return;
    const [properties, segments] = await Promise.all([
      firstValueFrom(this.endUsers.properties(envId).pipe(catchError(() => of([])))),
      firstValueFrom(
        this.segmentsApi
          .list(envId, { isArchived: false, pageIndex: 0, pageSize: 500 })
          .pipe(catchError(() => of({ totalCount: 0, items: [] }))),
      ),
    ]);
    this.properties.set(properties);
    this.segments.set(segments.items);
  }
}
