import { randomUUID } from 'node:crypto';
import { Body, Delete, Put } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { redactEnvironment } from '../../core/audit/audit-entry';
import { DataStore } from '../../core/ports/data-store.port';
import { createEnvironmentSecret } from '../../core/tenancy/secret-format';
import type { Environment, EnvironmentSecret, Project } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentProject } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { AuditTrail } from '../audit/audit-trail.service';
import { CacheSync } from '../changes/cache-sync.service';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ResourceNotFoundError } from '../http/api-errors';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { SecretDto } from './tenancy.dto';
import { CreateSecretDto, UpdateSecretDto } from './tenancy-input.dto';

type SecretChange = 'Create' | 'Update' | 'Remove';

// Every route's envId is resolved by the guard (Res.env); handlers take @CurrentEnv(). It is
// documented per route: a class-level @ApiParam would list it after the tenant headers.
const ApiEnvId = () => ApiParam({ name: 'envId', type: String });

@ManagementController('envs/:envId/secrets', 'Environment secrets')
export class SecretController {
  constructor(
    private readonly store: DataStore,
    private readonly audit: AuditTrail,
    private readonly cacheSync: CacheSync,
  ) {}

  /** Applies `change` to the freshly read environment and records the secret change (never its value). */
  private async mutate(
    ctx: ApiContext,
    routeEnv: Environment,
    operation: SecretChange,
    change: (env: Environment) => { secrets: EnvironmentSecret[]; subject: EnvironmentSecret },
  ): Promise<{ env: Environment; subject: EnvironmentSecret; before: Environment }> {
    return this.store.transaction(async (tx) => {
      const before = (await tx.environments.findById(routeEnv.id)) ?? routeEnv;
      const { secrets, subject } = change(before);
      const env = await tx.environments.update({ ...before, secrets, updatedAt: new Date().toISOString() });
      const redact = (s: EnvironmentSecret | undefined) =>
        s ? { id: s.id, name: s.name, type: s.type } : null;
      await this.audit.record(tx, ctx.actor, {
        organizationId: ctx.org.id,
        envId: env.id,
        refType: 'EnvironmentSecret',
        refId: subject.id,
        keywords: [subject.name, env.key],
        operation,
        previous: operation === 'Create' ? null : redact(before.secrets.find((s) => s.id === subject.id)),
        current: operation === 'Remove' ? null : redact(secrets.find((s) => s.id === subject.id)),
        comment: `environment ${redactEnvironment(env).name}`,
      });
      return { env, subject, before };
    });
  }

  private find(env: Environment, secretId: string): EnvironmentSecret {
    const secret = env.secrets.find((s) => s.id === secretId);
    if (!secret) throw new ResourceNotFoundError('secret');
    return secret;
  }

  @PostOk()
  @Permission('CreateEnvSecret', Res.env())
  @ApiEnvId()
  @Operation('addEnvironmentSecret', 'Add a server or client secret; the response carries its value')
  @ApiOkEnvelope(SecretDto)
  async add(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() routeEnv: Environment,
    @Body() body: CreateSecretDto,
  ): Promise<SecretDto> {
    const { env, subject } = await this.mutate(ctx, routeEnv, 'Create', (before) => {
      const secret: EnvironmentSecret = {
        id: randomUUID(),
        name: body.name.trim(),
        type: body.type,
        value: createEnvironmentSecret(before.id, randomUUID()),
      };
      return { secrets: [...before.secrets, secret], subject: secret };
    });
    await this.cacheSync.secretsAdded(ctx.org, project, env, [subject.value]);
    return SecretDto.from(subject);
  }

  @Put(':secretId')
  @Permission('UpdateEnvSecret', Res.env())
  @ApiEnvId()
  @Operation('renameEnvironmentSecret', 'Rename a secret')
  @ApiOkEnvelope(SecretDto)
  async rename(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() routeEnv: Environment,
    @IdParam('secretId') secretId: string,
    @Body() body: UpdateSecretDto,
  ): Promise<SecretDto> {
    const { subject } = await this.mutate(ctx, routeEnv, 'Update', (before) => {
      const renamed = { ...this.find(before, secretId), name: body.name.trim() };
      return { secrets: before.secrets.map((s) => (s.id === secretId ? renamed : s)), subject: renamed };
    });
    return SecretDto.from(subject);
  }

  @Put(':secretId/rotate')
  @Permission('UpdateEnvSecret', Res.env())
  @ApiEnvId()
  @Operation(
    'rotateEnvironmentSecret',
    'Replace the value of a secret',
    'The old value stops working at once (SDK connections using it are refused on their next handshake). For a rotation without downtime add a second secret, move the SDKs, then remove the old one.',
  )
  @ApiOkEnvelope(SecretDto)
  async rotate(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() routeEnv: Environment,
    @IdParam('secretId') secretId: string,
  ): Promise<SecretDto> {
    let oldValue = '';
    const { env, subject } = await this.mutate(ctx, routeEnv, 'Update', (before) => {
      const current = this.find(before, secretId);
      oldValue = current.value;
      const rotated = { ...current, value: createEnvironmentSecret(before.id, randomUUID()) };
      return { secrets: before.secrets.map((s) => (s.id === secretId ? rotated : s)), subject: rotated };
    });
    await this.cacheSync.secretsRemoved([oldValue]);
    await this.cacheSync.secretsAdded(ctx.org, project, env, [subject.value]);
    return SecretDto.from(subject);
  }

  @Delete(':secretId')
  @Permission('DeleteEnvSecret', Res.env())
  @ApiEnvId()
  @Operation('removeEnvironmentSecret', 'Remove a secret (SDKs using it stop authenticating)')
  @ApiOkEnvelope('boolean')
  async remove(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() routeEnv: Environment,
    @IdParam('secretId') secretId: string,
  ): Promise<boolean> {
    const { subject } = await this.mutate(ctx, routeEnv, 'Remove', (before) => {
      const secret = this.find(before, secretId);
      return { secrets: before.secrets.filter((s) => s.id !== secretId), subject: secret };
    });
    await this.cacheSync.secretsRemoved([subject.value]);
    return true;
  }
}
