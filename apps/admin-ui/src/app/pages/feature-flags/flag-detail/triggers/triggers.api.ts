import { inject, Injectable } from '@angular/core';
import { ApiClient } from '../../../../api/api-client';
import type * as Dto from '../../../../api/generated/models';
import {
  createTrigger,
  deleteTrigger,
  listTriggers,
  resetTriggerToken,
  updateTrigger,
} from '../../../../api/generated/functions';

export type FlagTrigger = Dto.TriggerDto;
export type NewTrigger = Dto.CreateTriggerDto;
export type TriggerChange = Dto.UpdateTriggerDto;

/** A flag's triggers (docs/api.md, "Flag triggers"): the token is answered by create and reset only. */
@Injectable({ providedIn: 'root' })
export class TriggersApi {
  private readonly api = inject(ApiClient);

  list(flagId: string) {
    return this.api.call(listTriggers, { targetId: flagId });
  }

  create(body: NewTrigger) {
    return this.api.call(createTrigger, { body });
  }

  update(id: string, body: TriggerChange) {
    return this.api.call(updateTrigger, { id, body });
  }

  resetToken(id: string) {
    return this.api.call(resetTriggerToken, { id });
  }

  delete(id: string) {
    return this.api.call(deleteTrigger, { id });
  }
}

/** The URL a monitoring tool calls (the api role serves the console, so its origin is the API's). */
export function triggerUrl(origin: string, token: string): string {
  return `${origin}/api/v1/triggers/run/${token}`;
}
