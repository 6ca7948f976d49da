import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client';
import {
  applyFlagChangeRequest,
  approveFlagChangeRequest,
  createFlagChangeRequest,
  createFlagSchedule,
  declineFlagChangeRequest,
  deleteFlagChangeRequest,
  deleteFlagSchedule,
  listChangeRequests,
  listGroups,
  listMembers,
  listPendingChanges,
} from './generated/functions';
import type { CreateChangeRequestDto, CreateScheduleDto } from './generated/models';

type ScheduleInput = CreateScheduleDto;
type ChangeRequestInput = CreateChangeRequestDto;

/** Schedules and change requests (docs/release-workflows.md), and who may review them. */
@Injectable({ providedIn: 'root' })
export class ReleaseWorkflowsApi {
  private readonly api = inject(ApiClient);

  pendingChanges(envId: string, key: string) {
    return this.api.call(listPendingChanges, { envId, key });
  }

  /** The environment's change requests not yet applied. */
  changeRequests(envId: string) {
    return this.api.call(listChangeRequests, { envId });
  }

  schedule(envId: string, key: string, body: ScheduleInput): Observable<unknown> {
    return this.api.call(createFlagSchedule, { envId, key, body });
  }

  requestChange(envId: string, key: string, body: ChangeRequestInput): Observable<unknown> {
    return this.api.call(createFlagChangeRequest, { envId, key, body });
  }

  approve(envId: string, id: string, comment: string): Observable<unknown> {
    return this.api.call(approveFlagChangeRequest, { envId, id, body: { comment } });
  }

  decline(envId: string, id: string, comment: string): Observable<unknown> {
    return this.api.call(declineFlagChangeRequest, { envId, id, body: { comment } });
  }

  apply(envId: string, id: string): Observable<unknown> {
    return this.api.call(applyFlagChangeRequest, { envId, id });
  }

  removeSchedule(envId: string, id: string): Observable<unknown> {
    return this.api.call(deleteFlagSchedule, { envId, id });
  }

  removeChangeRequest(envId: string, id: string): Observable<unknown> {
    return this.api.call(deleteFlagChangeRequest, { envId, id });
  }

  /** The organization's members (reviewer pickers). */
  members() {
    return this.api.call(listMembers, { pageIndex: 0, pageSize: 500 });
  }

  groups() {
    return this.api.call(listGroups, { pageIndex: 0, pageSize: 500 });
  }
}
