import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { redactEnvironment } from '../../core/audit/audit-entry';
import type { Actor } from '../../core/iam/actor';
import { DataStore } from '../../core/ports/data-store.port';
import { createEnvironmentSecret } from '../../core/tenancy/secret-format';
import type {
  Environment,
  EnvironmentSecret,
  Organization,
  Project,
  SecretType,
} from '../../core/tenancy/tenancy';
import { AuditTrail } from '../audit/audit-trail.service';
import { CacheSync } from '../changes/cache-sync.service';
import { ResourceNotFoundError } from '../http/api-errors';

type SecretChange = 'Create' | 'Update' | 'Remove';

/** Server and client secrets of an environment: each change commits with its audit entry (never the value). */
@Injectable()
export class SecretService {
  constructor(
    private readonly store: DataStore,
    private readonly audit: AuditTrail,
    private readonly cacheSync: CacheSync,
  ) {}

  async add(
    actor: Actor,
    org: Organization,
    project: Project,
    env: Environment,
    input: { name: string; type: SecretType },
  ): Promise<EnvironmentSecret> {
    const { env: saved, subject } = await this.mutate(actor, org, env, 'Create', (before) => {
      const secret: EnvironmentSecret = {
        id: randomUUID(),
        name: input.name.trim(),
        type: input.type,
        value: createEnvironmentSecret(before.id, randomUUID()),
      };
      return { secrets: [...before.secrets, secret], subject: secret };
    });
    await this.cacheSync.secretsAdded(org, project, saved, [subject.value]);
    return subject;
  }

  async rename(
    actor: Actor,
    org: Organization,
    env: Environment,
    secretId: string,
    name: string,
  ): Promise<EnvironmentSecret> {
    const { subject } = await this.mutate(actor, org, env, 'Update', (before) => {
      const renamed = { ...find(before, secretId), name: name.trim() };
      return { secrets: before.secrets.map((s) => (s.id === secretId ? renamed : s)), subject: renamed };
    });
    return subject;
  }

  /** Replaces the value; the old one stops working at once. */
  async rotate(
    actor: Actor,
    org: Organization,
    project: Project,
    env: Environment,
    secretId: string,
  ): Promise<EnvironmentSecret> {
    let oldValue = '';
    const { env: saved, subject } = await this.mutate(actor, org, env, 'Update', (before) => {
      const current = find(before, secretId);
      oldValue = current.value;
      const rotated = { ...current, value: createEnvironmentSecret(before.id, randomUUID()) };
      return { secrets: before.secrets.map((s) => (s.id === secretId ? rotated : s)), subject: rotated };
    });
    await this.cacheSync.secretsRemoved([oldValue]);
    await this.cacheSync.secretsAdded(org, project, saved, [subject.value]);
    return subject;
  }

  async remove(actor: Actor, org: Organization, env: Environment, secretId: string): Promise<void> {
    const { subject } = await this.mutate(actor, org, env, 'Remove', (before) => {
      const secret = find(before, secretId);
      return { secrets: before.secrets.filter((s) => s.id !== secretId), subject: secret };
    });
    await this.cacheSync.secretsRemoved([subject.value]);
  }

  /** Applies `change` to the freshly read environment and records the secret change (never its value). */
  private async mutate(
    actor: Actor,
    org: Organization,
    routeEnv: Environment,
    operation: SecretChange,
    change: (env: Environment) => { secrets: EnvironmentSecret[]; subject: EnvironmentSecret },
  ): Promise<{ env: Environment; subject: EnvironmentSecret }> {
    return this.store.transaction(async (tx) => {
      const before = (await tx.environments.findById(routeEnv.id)) ?? routeEnv;
      const { secrets, subject } = change(before);
      const env = await tx.environments.update({ ...before, secrets, updatedAt: new Date().toISOString() });
      const redact = (s: EnvironmentSecret | undefined) =>
        s ? { id: s.id, name: s.name, type: s.type } : null;
      await this.audit.record(tx, actor, {
        organizationId: org.id,
        envId: env.id,
        refType: 'EnvironmentSecret',
        refId: subject.id,
        keywords: [subject.name, env.key],
        operation,
        previous: operation === 'Create' ? null : redact(before.secrets.find((s) => s.id === subject.id)),
        current: operation === 'Remove' ? null : redact(secrets.find((s) => s.id === subject.id)),
        comment: `environment ${redactEnvironment(env).name}`,
      });
      return { env, subject };
    });
  }
}

function find(env: Environment, secretId: string): EnvironmentSecret {
  const secret = env.secrets.find((s) => s.id === secretId);
  if (!secret) throw new ResourceNotFoundError('secret');
  return secret;
}
