import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client';
import {
  checkRelayProxyAgentAvailability,
  createRelayProxy,
  deleteRelayProxy,
  isRelayProxyNameUsed,
  listRelayProxies,
  syncRelayProxyAgent,
  updateRelayProxy,
} from './generated/functions';
import type {
  RelayProxyAgentDto,
  RelayProxyAutoAgentDto,
  RelayProxyDto,
  SyncResultDto,
  UpdateRelayProxyDto,
  UpsertRelayProxyDto,
} from './generated/models';

export type RelayProxy = RelayProxyDto;
export type RelayProxyAgent = RelayProxyAgentDto;
export type RelayProxyAutoAgent = RelayProxyAutoAgentDto;
export type RelayProxyInput = UpsertRelayProxyDto;
export type RelayProxyUpdate = UpdateRelayProxyDto;
export type AgentSyncResult = SyncResultDto;

/** The organization's relay proxies (docs/relay-proxies.md, FeatBit's routes). */
@Injectable({ providedIn: 'root' })
export class RelayProxiesApi {
  private readonly api = inject(ApiClient);

  list(name?: string) {
    return this.api.call(listRelayProxies, { pageIndex: 0, pageSize: 200, name: name || undefined });
  }

  /** Answers the proxy with its full `rp-…` key: the only time the key is shown. */
  create(body: RelayProxyInput): Observable<RelayProxy> {
    return this.api.call(createRelayProxy, { body });
  }

  update(id: string, body: RelayProxyUpdate): Observable<boolean> {
    return this.api.call(updateRelayProxy, { id, body });
  }

  remove(id: string): Observable<boolean> {
    return this.api.call(deleteRelayProxy, { id });
  }

  isNameUsed(name: string): Observable<boolean> {
    return this.api.call(isRelayProxyNameUsed, { name });
  }

  /** The status code of `{host}/health/liveness` (503 when unreachable). */
  availability(agentHost: string): Observable<number> {
    return this.api.call(checkRelayProxyAgentAvailability, { agentHost });
  }

  /** Pushes the data to a manual agent; the key is not stored, so it is asked again. */
  sync(rpId: string, agentId: string, key: string): Observable<AgentSyncResult> {
    return this.api.call(syncRelayProxyAgent, { rpId, agentId, body: { key } });
  }
}
