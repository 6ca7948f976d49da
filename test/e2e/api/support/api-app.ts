/* eslint-disable @typescript-eslint/no-explicit-any -- test client: response bodies are untyped JSON */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { FirstBootService } from '../../../../src/api/bootstrap/first-boot.service';
import { OutboxRelay } from '../../../../src/api/changes/outbox-relay.service';
import { buildOpenApiDocument } from '../../../../src/api/openapi/openapi';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../../../../src/app.module';
import type { AppConfig } from '../../../../src/config/app-config';
import { loadAppConfig } from '../../../../src/config/load-app-config';
import { FlagCache } from '../../../../src/core/ports/flag-cache.port';
import { DataStore } from '../../../../src/core/ports/data-store.port';
import { MessageBus } from '../../../../src/core/ports/message-bus.port';
import { silentLogger } from '../../../../src/core/ports/logger.port';
import { SdkWsAdapter } from '../../../../src/evaluation/streaming/sdk-ws.adapter';
import { requestIdOf, setupHttp } from '../../../../src/shared/http/http-setup';
import { RecordingFlagCache } from './recording-flag-cache';

export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'admin-password-1';

export interface ApiResponse<T = any> {
  status: number;
  body: { success: boolean; errors: string[]; data: T; message?: string; details?: any[] };
  headers: Record<string, string | string[] | undefined>;
  cookies: { name: string; value: string; [k: string]: unknown }[];
  raw: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw payload (invalid JSON tests); sent with content-type application/json unless headers say otherwise. */
  payload?: string | Buffer;
  token?: string | null;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
}

/**
 * The whole product in-process on PGlite in a temp dir (all roles, in-process bus), driven through
 * Fastify's inject. Routes registered at start-up are recorded for the route-walk test.
 */
export class ApiApp {
  token = '';
  workspaceId = '';
  organizationId = '';
  readonly routes: { method: string; url: string }[] = [];
  openApi!: OpenAPIObject;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    readonly cache: RecordingFlagCache,
    private readonly dir: string,
  ) {}

  static async start(
    options: { env?: Record<string, string>; cacheEnabled?: boolean } = {},
  ): Promise<ApiApp> {
    const dir = await mkdtemp(join(tmpdir(), 'featbit-api-'));
    const config = loadAppConfig(
      {
        DATA_DIR: dir,
        DB_PROVIDER: 'pglite',
        MQ_PROVIDER: 'inprocess',
        CACHE_PROVIDER: 'none',
        ADMIN_EMAIL,
        ADMIN_PASSWORD,
        LOG_LEVEL: 'error',
        ...options.env,
      },
      ['api', 'evaluation', 'analytics'],
    );
    const cache = new RecordingFlagCache(options.cacheEnabled ?? false);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoles(config, silentLogger)] })
      .overrideProvider(FlagCache)
      .useValue(cache)
      .compile();
    const adapter = new FastifyAdapter({
      bodyLimit: config.limits.bodyLimitBytes,
      genReqId: requestIdOf,
      routerOptions: { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 500 },
    });
    const app = moduleRef.createNestApplication<NestFastifyApplication>(adapter, { logger: false });
    // As src/app.factory.ts does: without it Nest looks for socket.io for the streaming gateway.
    app.useWebSocketAdapter(new SdkWsAdapter(app.getHttpServer(), config, silentLogger));
    const fastify = app.getHttpAdapter().getInstance();
    const harness = new ApiApp(app, config, cache, dir);
    fastify.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) harness.routes.push({ method, url: route.url });
    });
    await setupHttp(fastify, config, silentLogger);
    // Serving /docs needs @fastify/static, whose ESM dependency Jest cannot load: build the document only.
    harness.openApi = buildOpenApiDocument(app);
    await app.init();
    await fastify.ready();
    await app.get(FirstBootService).done;
    return harness;
  }

  get store(): DataStore {
    return this.app.get(DataStore);
  }

  get bus(): MessageBus {
    return this.app.get(MessageBus);
  }

  get outbox(): OutboxRelay {
    return this.app.get(OutboxRelay);
  }

  async close(): Promise<void> {
    await this.app.close();
    await rm(this.dir, { recursive: true, force: true });
  }

  async request<T = any>(method: string, url: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const fastify = this.app.getHttpAdapter().getInstance();
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? this.token : options.token;
    if (token) headers.authorization ??= token.startsWith('api-') ? token : `Bearer ${token}`;
    if (this.organizationId && !('organization' in headers)) headers.organization = this.organizationId;
    if (this.workspaceId && !('workspace' in headers)) headers.workspace = this.workspaceId;
    let payload: string | Buffer | undefined = options.payload;
    if (payload === undefined && options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fastify.inject({
      method: method as any,
      url,
      headers,
      payload,
      cookies: options.cookies,
    });
    let body: any = null;
    try {
      body = res.body ? JSON.parse(res.body) : null;
    } catch {
      body = null;
    }
    const headersOut = res.headers as Record<string, string | string[] | undefined>;
    return {
      status: res.statusCode,
      body,
      headers: headersOut,
      cookies: res.cookies,
      raw: res.body,
    };
  }

  get<T = any>(url: string, options?: RequestOptions) {
    return this.request<T>('GET', url, options);
  }
  post<T = any>(url: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>('POST', url, { ...options, body });
  }
  put<T = any>(url: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>('PUT', url, { ...options, body });
  }
  delete<T = any>(url: string, options?: RequestOptions) {
    return this.request<T>('DELETE', url, options);
  }

  /** Another client of the same app, signed in as nobody yet. */
  fork(): ApiApp {
    return Object.assign(Object.create(ApiApp.prototype) as ApiApp, this, {
      token: '',
      workspaceId: '',
      organizationId: '',
    });
  }

  /** Signs in as the seeded admin and selects its workspace and organization. */
  async loginAsAdmin(): Promise<this> {
    return this.loginAs(ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  async loginAs(email: string, password: string): Promise<this> {
    const res = await this.post('/api/v1/identity/login-by-email', { email, password }, { token: null });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.raw}`);
    this.token = res.body.data.token;
    const ws = await this.get('/api/v1/user/workspaces');
    this.workspaceId = ws.body.data[0].id;
    const orgs = await this.get('/api/v1/organizations');
    this.organizationId = orgs.body.data[0].id;
    return this;
  }

  /** The seeded "default" project and its environments. */
  async defaultProject(): Promise<{
    id: string;
    key: string;
    environments: { id: string; key: string; secrets: any[] }[];
  }> {
    const res = await this.get('/api/v1/projects');
    return res.body.data.find((p: { key: string }) => p.key === 'default');
  }

  async envId(key = 'dev'): Promise<string> {
    return (await this.defaultProject()).environments.find((e) => e.key === key)!.id;
  }
}
