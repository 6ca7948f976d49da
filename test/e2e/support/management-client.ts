import { randomUUID } from 'node:crypto';
import type {
  FeatureFlag,
  TargetRule,
  TargetUser,
  VariationType,
} from '../../../src/core/flags/feature-flag';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from './product';

// Signs in to the management API (/api/v1) of a running product and calls it with the session
// token and the tenant headers. Responses use FeatBit's envelope {success, errors, data}.

export interface Envelope<T = unknown> {
  success: boolean;
  errors: string[];
  data: T;
  message?: string;
}

export interface EnvironmentInfo {
  id: string;
  key: string;
  secrets: { id: string; name: string; type: 'server' | 'client'; value: string }[];
}

export interface NewFlag {
  key: string;
  variationType: VariationType;
  /** Values of the variations; named A, B, C… */
  values: string[];
  isEnabled?: boolean;
  /** Index of the variation the default rule serves (default 0). */
  enabledIndex?: number;
  /** Index of the variation served when off (default last). */
  disabledIndex?: number;
  tags?: string[];
}

export class ManagementClient {
  workspaceId = '';
  organizationId = '';

  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Envelope<T> }> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(this.workspaceId ? { workspace: this.workspaceId } : {}),
        ...(this.organizationId ? { organization: this.organizationId } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as Envelope<T> };
  }

  /** Calls and expects success; returns `data`. */
  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, body: envelope } = await this.call<T>(method, path, body);
    if (status >= 300 || !envelope?.success) {
      throw new Error(`${method} ${path} → ${status} ${JSON.stringify(envelope)}`);
    }
    return envelope.data;
  }

  /** An environment of the first-boot project "default" ("dev" or "prod"). */
  async environment(key = 'dev', projectKey = 'default'): Promise<EnvironmentInfo> {
    const projects = await this.ok<{ key: string; environments: EnvironmentInfo[] }[]>('GET', '/projects');
    const env = projects.find((p) => p.key === projectKey)?.environments.find((e) => e.key === key);
    if (!env) throw new Error(`no environment ${projectKey}/${key}`);
    return env;
  }

  async createFlag(envId: string, input: NewFlag): Promise<FeatureFlag> {
    const variations = input.values.map((value, i) => ({
      id: randomUUID(),
      name: String.fromCharCode(65 + i),
      value,
    }));
    return this.ok<FeatureFlag>('POST', `/envs/${envId}/feature-flags`, {
      name: input.key,
      key: input.key,
      isEnabled: input.isEnabled ?? true,
      variationType: input.variationType,
      variations,
      enabledVariationId: variations[input.enabledIndex ?? 0].id,
      disabledVariationId: variations[input.disabledIndex ?? variations.length - 1].id,
      tags: input.tags ?? [],
    });
  }

  async getFlag(envId: string, key: string): Promise<FeatureFlag> {
    return this.ok<FeatureFlag>('GET', `/envs/${envId}/feature-flags/${key}`);
  }

  async toggleFlag(envId: string, key: string, on: boolean): Promise<string> {
    return this.ok<string>('PUT', `/envs/${envId}/feature-flags/${key}/toggle/${on}`, {});
  }

  /** Replaces targeting (individual targets, rules, default rule) on the current revision. */
  async updateTargeting(
    envId: string,
    key: string,
    targeting: Partial<Pick<FeatureFlag, 'fallthrough' | 'exptIncludeAllTargets'>> & {
      targetUsers?: TargetUser[];
      rules?: TargetRule[];
    },
  ): Promise<string> {
    const flag = await this.getFlag(envId, key);
    return this.ok<string>('PUT', `/envs/${envId}/feature-flags/${key}/targeting`, {
      revision: flag.revision,
      targeting: {
        targetUsers: targeting.targetUsers ?? flag.targetUsers,
        rules: targeting.rules ?? flag.rules,
        fallthrough: targeting.fallthrough ?? flag.fallthrough,
        exptIncludeAllTargets: targeting.exptIncludeAllTargets ?? flag.exptIncludeAllTargets,
      },
    });
  }
}

/**
 * Signs in with e-mail and password (defaults: the e2e admin created at first boot) and selects the
 * first workspace and organization. The first-boot seed finishes shortly after readiness, so a
 * refused sign-in is retried for `waitMs`.
 */
export async function signIn(
  baseUrl: string,
  email = TEST_ADMIN_EMAIL,
  password = TEST_ADMIN_PASSWORD,
  waitMs = 30_000,
): Promise<ManagementClient> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/v1/identity/login-by-email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as Envelope<{ token: string }>;
    if (res.status === 200 && body.success) {
      const client = new ManagementClient(baseUrl, body.data.token);
      client.workspaceId = (await client.ok<{ id: string }[]>('GET', '/user/workspaces'))[0].id;
      client.organizationId = (await client.ok<{ id: string }[]>('GET', '/organizations'))[0].id;
      return client;
    }
    if (Date.now() > deadline) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
