import { randomUUID } from 'node:crypto';
import { Body, Delete, Put } from '@nestjs/common';
import { redactEnvironment } from '../../core/audit/audit-entry';
import { DataStore } from '../../core/ports/data-store.port';
import { createEnvironmentSecret } from '../../core/tenancy/secret-format';
import type { Environment, EnvironmentSecret } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
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
    operation: SecretChange,
    change: (env: Environment) => { secrets: EnvironmentSecret[]; subject: EnvironmentSecret },
  ): Promise<{ env: Environment; subject: EnvironmentSecret; before: Environment }> {
    return this.store.transaction(async (tx) => {
      const before = (await tx.environments.findById(ctx.env!.id)) ?? ctx.env!;
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
  @Operation('addEnvironmentSecret', 'Add a server or client secret; the response carries its value')
  @ApiOkEnvelope(SecretDto)
  async add(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') _e: string,
    @Body() body: CreateSecretDto,
  ): Promise<SecretDto> {
    const { env, subject } = await this.mutate(ctx, 'Create', (before) => {
      const secret: EnvironmentSecret = {
        id: randomUUID(),
        name: body.name.trim(),
        type: body.type,
        value: createEnvironmentSecret(before.id, randomUUID()),
      };
      return { secrets: [...before.secrets, secret], subject: secret };
    });
    await this.cacheSync.secretsAdded(ctx.org, ctx.project!, env, [subject.value]);
    return SecretDto.from(subject);
  }

  @Put(':secretId')
  @Permission('UpdateEnvSecret', Res.env())
  @Operation('renameEnvironmentSecret', 'Rename a secret')
  @ApiOkEnvelope(SecretDto)
  async rename(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') _e: string,
    @IdParam('secretId') secretId: string,
    @Body() body: UpdateSecretDto,
  ): Promise<SecretDto> {
    const { subject } = await this.mutate(ctx, 'Update', (before) => {
      const renamed = { ...this.find(before, secretId), name: body.name.trim() };
      return { secrets: before.secrets.map((s) => (s.id === secretId ? renamed : s)), subject: renamed };
    });
    return SecretDto.from(subject);
  }

  @Put(':secretId/rotate')
  @Permission('UpdateEnvSecret', Res.env())
  @Operation(
    'rotateEnvironmentSecret',
    'Replace the value of a secret',
    'The old value stops working at once (SDK connections using it are refused on their next handshake). For a rotation without downtime add a second secret, move the SDKs, then remove the old one.',
  )
  @ApiOkEnvelope(SecretDto)
  async rotate(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') _e: string,
    @IdParam('secretId') secretId: string,
  ): Promise<SecretDto> {
    let oldValue = '';
    const { env, subject } = await this.mutate(ctx, 'Update', (before) => {
      const current = this.find(before, secretId);
      oldValue = current.value;
      const rotated = { ...current, value: createEnvironmentSecret(before.id, randomUUID()) };
      return { secrets: before.secrets.map((s) => (s.id === secretId ? rotated : s)), subject: rotated };
    });
    await this.cacheSync.secretsRemoved([oldValue]);
    await this.cacheSync.secretsAdded(ctx.org, ctx.project!, env, [subject.value]);
    return SecretDto.from(subject);
  }

  @Delete(':secretId')
  @Permission('DeleteEnvSecret', Res.env())
  @Operation('removeEnvironmentSecret', 'Remove a secret (SDKs using it stop authenticating)')
  @ApiOkEnvelope('boolean')
  async remove(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') _e: string,
    @IdParam('secretId') secretId: string,
  ): Promise<boolean> {
    const { subject } = await this.mutate(ctx, 'Remove', (before) => {
      const secret = this.find(before, secretId);
      return { secrets: before.secrets.filter((s) => s.id !== secretId), subject: secret };
    });
    await this.cacheSync.secretsRemoved([subject.value]);
    return true;
  }
}
