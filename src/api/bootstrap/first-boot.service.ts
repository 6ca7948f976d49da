import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { builtInPolicies, OWNER_POLICY_ID } from '../../core/iam/built-in-policies';
import type { PolicyStatement } from '../../core/iam/iam';
import { DataStore } from '../../core/ports/data-store.port';
import { DuplicateKeyError } from '../../core/shared/errors';
import {
  builtInUserProperties,
  DEFAULT_ENVIRONMENTS,
  newEnvironment,
} from '../../core/tenancy/tenancy-factory';
import { ReadinessService } from '../../infrastructure/health/readiness.service';
import { Logger } from '../../core/ports/logger.port';
import { generatePassword, hashPassword } from '../../shared/crypto/password-hasher';

/** In DATA_DIR: the generated password of the first admin (mode 0600). */
export const INITIAL_PASSWORD_FILE = 'initial-admin-password';

/** A failed seed is retried after this long (doubling, capped): readiness stays 503 meanwhile. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

export interface FirstBootResult {
  seeded: boolean;
  adminEmail?: string;
}

/**
 * On an empty database: built-in policies, the default workspace, organization, project "default"
 * with environments Dev and Prod (and their secrets), and an admin account. Safe to run in several
 * api replicas at once: the seed runs in a transaction and a unique-key clash means another won.
 */
@Injectable()
export class FirstBootService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log: Logger;
  /** Settles when the seed attempt is over (tests and the console's readiness use it). */
  done: Promise<FirstBootResult> = Promise.resolve({ seeded: false });
  /** Readiness waits for this: a sign-in right after the first 200 must find the admin. */
  private completed = false;
  private lastError: string | null = null;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: DataStore,
    private readonly config: AppConfig,
    readiness: ReadinessService,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'first-boot' });
    readiness.register({
      healthName: 'first-boot',
      health: () =>
        Promise.resolve(
          this.completed
            ? { ok: true }
            : { ok: false, detail: this.lastError ? `failed, retrying: ${this.lastError}` : 'in progress' },
        ),
    });
  }

  onApplicationBootstrap(): void {
    // Not awaited: the database may still be connecting; readiness reports that meanwhile.
    this.done = this.store.whenReady().then(
      () => this.runRetrying(),
      (err: unknown) => {
        this.lastError = `database never became ready: ${String(err)}`;
        this.log.error('database never became ready; first-boot seed skipped', { error: String(err) });
        return { seeded: false };
      },
    );
  }

  onModuleDestroy(): void {
    clearTimeout(this.retryTimer);
  }

  /** One attempt; a failure is logged and reported by readiness. */
  async run(): Promise<FirstBootResult> {
    try {
      await this.ensureBuiltInPolicies();
      const result = (await this.store.workspaces.count()) > 0 ? { seeded: false } : await this.seed();
      this.completed = true;
      return result;
    } catch (err) {
      // Another replica seeded first: its admin exists, so this one is usable too.
      if (err instanceof DuplicateKeyError) {
        this.completed = true;
        return { seeded: false };
      }
      this.lastError = err instanceof Error ? err.message : String(err);
      this.log.error('first-boot seed failed', { error: this.lastError });
      return { seeded: false };
    }
  }

  /** The first attempt settles `done`; failed ones are retried in the background until one succeeds. */
  private async runRetrying(): Promise<FirstBootResult> {
    const result = await this.run();
    let delayMs = RETRY_FIRST_MS;
    const retry = (): void => {
      this.retryTimer = setTimeout(() => {
        void this.run().then(() => {
          if (this.completed) return;
          delayMs = Math.min(delayMs * 2, RETRY_MAX_MS);
          retry();
        });
      }, delayMs);
      this.retryTimer.unref();
    };
    if (!this.completed) retry();
    return result;
  }

  private async ensureBuiltInPolicies(): Promise<void> {
    const now = new Date().toISOString();
    for (const policy of builtInPolicies(now)) {
      const stored = await this.store.policies.findById(policy.id);
      if (stored) {
        // Built-ins are read-only for users: a newer version's statements (e.g. a new action) replace
        // the stored ones.
        if (!isDeepStrictEqual(stored.statements.map(comparable), policy.statements.map(comparable))) {
          await this.store.policies.update({ ...stored, statements: policy.statements, updatedAt: now });
        }
        continue;
      }
      try {
        await this.store.policies.create(policy);
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
    }
  }

  private async seed(): Promise<FirstBootResult> {
    const now = new Date().toISOString();
    const email = this.config.auth.adminEmail.trim().toLowerCase();
    const generated = this.config.auth.adminPassword === null;
    const password = this.config.auth.adminPassword ?? generatePassword();
    const passwordHash = await hashPassword(password);
    const ids = { workspace: randomUUID(), user: randomUUID(), org: randomUUID(), project: randomUUID() };

    await this.store.transaction(async (tx) => {
      await tx.workspaces.create({
        id: ids.workspace,
        name: 'Default Workspace',
        key: 'default',
        license: null,
        sso: null,
        createdAt: now,
        updatedAt: now,
      });
      await tx.users.create({
        id: ids.user,
        email,
        name: 'Admin',
        passwordHash,
        origin: 'Local',
        createdAt: now,
        updatedAt: now,
      });
      await tx.workspaces.addUser(ids.workspace, ids.user);
      await tx.organizations.create({
        id: ids.org,
        workspaceId: ids.workspace,
        name: 'Default Organization',
        key: 'default',
        initialized: true,
        defaultPermissions: { policyIds: [], groupIds: [] },
        settings: {},
        createdAt: now,
        updatedAt: now,
      });
      await tx.organizations.addMember({
        organizationId: ids.org,
        userId: ids.user,
        invitorId: null,
        createdAt: now,
      });
      await tx.policies.attachToMember(ids.org, ids.user, OWNER_POLICY_ID);
      await tx.projects.create({
        id: ids.project,
        organizationId: ids.org,
        name: 'default',
        key: 'default',
        createdAt: now,
        updatedAt: now,
      });
      for (const env of DEFAULT_ENVIRONMENTS) {
        const created = await tx.environments.create(
          newEnvironment({ id: randomUUID(), projectId: ids.project, ...env, now, newId: randomUUID }),
        );
        for (const property of builtInUserProperties(created.id, now, randomUUID)) {
          await tx.endUserProperties.upsert(property);
        }
      }
    });

    if (generated) {
      // Never in the log (logs are shipped and kept): a file only this user can read, written once.
      const file = join(this.config.server.dataDir, INITIAL_PASSWORD_FILE);
      try {
        await mkdir(this.config.server.dataDir, { recursive: true });
        await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'w' });
        this.log.warn(
          `first boot: created admin account ${email}; its generated password is in ${file} ` +
            '(readable only by this user) — sign in, change it, then delete the file',
        );
      } catch (err) {
        // Without the file nobody could sign in: print it this once, and say why.
        this.log.warn(
          `first boot: created admin account ${email} with generated password ${password} — ` +
            `printed because ${file} could not be written (${String(err)}); sign in and change it`,
        );
      }
    } else {
      this.log.info(`first boot: created admin account ${email} (password from ADMIN_PASSWORD)`);
    }
    this.log.info(
      'first boot: created workspace, organization, project "default" with environments Dev and Prod',
    );
    return { seeded: true, adminEmail: email };
  }
}

function comparable(s: PolicyStatement): unknown[] {
  return [s.id, s.resourceType, s.effect, s.actions, s.resources];
}
