import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type ManagementClient, signIn } from '../../support/management-client';
import {
  type RunningProduct,
  startProduct,
  TEST_ADMIN_EMAIL,
  TEST_ADMIN_PASSWORD,
} from '../../support/product';
import { ensureConsoleBuilt } from './console-build';
import { launchChromium } from '../../../support/chromium';
import { newContext, signInThroughForm, watchPage } from './console-browser';

/** One product, one browser and a signed-in console page shared by the tests of a suite. */
export interface ConsoleSession {
  product: RunningProduct;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  api: TenantClient;
  /** The environment the console opened (the first of the default project). */
  env: { id: string; projectId: string; key: string; clientSecret: string; serverSecret: string };
  otherEnv: { id: string; name: string };
  watch: ReturnType<typeof watchPage>;
  close(): Promise<void>;
}

interface EnvDto {
  id: string;
  projectId: string;
  key: string;
  name: string;
  secrets: { type: string; value: string }[];
}

/** `env`: extra product environment (e.g. WEBHOOK_ALLOWED_HOSTS for a local receiver). */
export async function openConsole(env: Record<string, string> = {}): Promise<ConsoleSession> {
  ensureConsoleBuilt();
  const product = await startProduct({ env });
  const browser = await launchChromium();
  const context = await newContext(browser);
  const page = await context.newPage();
  const watch = watchPage(page);
  await signInThroughForm(page, product.baseUrl, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD);
  await page.getByRole('heading', { name: 'Feature flags' }).waitFor();

  const api = await signIn(product.baseUrl);
  const workspaces = await api.ok<{ id: string }[]>('GET', '/user/workspaces');
  const withTenant = new TenantClient(api, workspaces[0].id);
  const orgs = await withTenant.ok<{ id: string }[]>('GET', '/organizations');
  withTenant.organizationId = orgs[0].id;
  const projects = await withTenant.ok<{ id: string; environments: EnvDto[] }[]>('GET', '/projects');
  const [first, second] = projects[0].environments;
  const secret = (e: EnvDto, type: string) => e.secrets.find((s) => s.type === type)?.value ?? '';
  return {
    product,
    browser,
    context,
    page,
    api: withTenant,
    env: {
      id: first.id,
      projectId: first.projectId,
      key: first.key,
      clientSecret: secret(first, 'client'),
      serverSecret: secret(first, 'server'),
    },
    otherEnv: { id: second.id, name: second.name },
    watch,
    close: async () => {
      await browser.close();
      await product.stop();
    },
  };
}

/** The shared management client plus the Workspace and Organization headers tenant routes need. */
export class TenantClient {
  organizationId = '';

  constructor(
    private readonly inner: ManagementClient,
    readonly workspaceId: string,
  ) {}

  get baseUrl(): string {
    return this.inner.baseUrl;
  }

  get token(): string {
    return this.inner.token;
  }

  async call<T = unknown>(method: string, path: string, body?: unknown) {
    const res = await fetch(`${this.inner.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.inner.token}`,
        workspace: this.workspaceId,
        ...(this.organizationId ? { organization: this.organizationId } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (text === '' ? null : JSON.parse(text)) as { success: boolean; data: T },
    };
  }

  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, body: envelope } = await this.call<T>(method, path, body);
    if (status >= 300 || !envelope?.success)
      throw new Error(`${method} ${path} → ${status} ${JSON.stringify(envelope)}`);
    return envelope.data;
  }
}
