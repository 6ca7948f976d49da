// Integrations: webhooks, flag triggers, relay proxies (docs/reference/data-model.md#integrations).

export interface WebhookHeader {
  key: string;
  value: string;
}

export interface WebhookLastDelivery {
  success: boolean;
  happenedAt: string;
  response: { statusCode: number } | null;
}

export interface Webhook {
  id: string;
  organizationId: string;
  name: string;
  url: string;
  /** `"{projectId}/{envId1},{envId2}"` strings. */
  scopes: string[];
  events: string[];
  headers: WebhookHeader[];
  payloadTemplateType: 'default' | 'custom';
  payloadTemplate: string;
  secret: string;
  isActive: boolean;
  preventEmptyPayloads: boolean;
  lastDelivery: WebhookLastDelivery | null;
  /** Deliveries that failed in a row (every attempt failed); a success resets it. */
  consecutiveFailures: number;
  /** Why the product switched the webhook off (it kept failing); cleared when someone activates it. */
  disabledReason: string | null;
  creatorId: string;
  updatorId: string;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  success: boolean;
  events: string;
  request: Record<string, unknown>;
  response: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
  startedAt: string;
  endedAt: string;
}

export interface Trigger {
  id: string;
  /** The flag id. */
  targetId: string;
  type: 'feature-flag-general';
  action: 'turn-on' | 'turn-off';
  /** Only a hash is stored; the URL token is shown once. */
  tokenHash: string;
  description: string;
  isEnabled: boolean;
  triggeredTimes: number;
  lastTriggeredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RelayProxyAgent {
  id: string;
  name: string;
  host: string;
  syncAt: string | null;
  serves: string | null;
  dataVersion: number;
  createdAt: string;
}

/** An agent that registered itself (FeatBit's AutoAgent) plus what its last status report said. */
export interface RelayProxyAutoAgent {
  id: string;
  /** The agent's last status report as it sent it (JSON text, bounded); "{}" until the first one. */
  status: string;
  registeredAt: string;
  reportedAt?: string;
  serves?: string;
  dataVersion?: number;
}

export interface RelayProxy {
  id: string;
  organizationId: string;
  name: string;
  /** Only a hash of the `rp-…` key is stored. */
  keyHash: string;
  description: string;
  isAllEnvs: boolean;
  scopes: string[];
  agents: RelayProxyAgent[];
  autoAgents: RelayProxyAutoAgent[];
  createdAt: string;
  updatedAt: string;
}
