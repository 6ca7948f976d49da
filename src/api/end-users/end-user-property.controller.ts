import { randomUUID } from 'node:crypto';
import { Body, Delete, Get, Put } from '@nestjs/common';
import { DataStore } from '../../core/ports/data-store.port';
import { Permission } from '../auth/access.decorators';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { BusinessRuleError, ERROR_CODES, ResourceNotFoundError } from '../http/api-errors';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation } from '../http/management-controller.decorator';
import { EndUserPropertyDto, UpsertPropertyDto } from './end-user.dto';

@ManagementController('envs/:envId/end-user-properties', 'End-user properties')
export class EndUserPropertyController {
  constructor(private readonly store: DataStore) {}

  @Get()
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'listEndUserProperties',
    'The property catalogue used by rule editors (built-ins keyId and name first)',
  )
  @ApiOkEnvelope(EndUserPropertyDto, { isArray: true })
  async list(@IdParam('envId') envId: string): Promise<EndUserPropertyDto[]> {
    const all = await this.store.endUserProperties.list(envId);
    return all
      .sort((a, b) => Number(b.isBuiltIn) - Number(a.isBuiltIn))
      .map((p) => EndUserPropertyDto.from(p));
  }

  @Put(':propertyId/upsert')
  @Permission('ManageEndUsers', Res.env())
  @Operation(
    'upsertEndUserProperty',
    'Create or edit a property with its preset values (built-ins are immutable)',
  )
  @ApiOkEnvelope(EndUserPropertyDto)
  async upsert(
    @IdParam('envId') envId: string,
    @IdParam('propertyId', 'property') propertyId: string,
    @Body() body: UpsertPropertyDto,
  ): Promise<EndUserPropertyDto> {
    const existing = await this.store.endUserProperties.findById(propertyId);
    if (existing && existing.envId !== envId) throw new ResourceNotFoundError('property');
    if (existing?.isBuiltIn)
      throw new BusinessRuleError(
        ERROR_CODES.cannotModifyBuiltInProperty,
        'built-in properties cannot be changed',
      );
    if (['keyId', 'name'].includes(body.name)) {
      throw new BusinessRuleError(
        ERROR_CODES.cannotModifyBuiltInProperty,
        `${body.name} is a built-in property`,
      );
    }
    const now = new Date().toISOString();
    const saved = await this.store.endUserProperties.upsert({
      id: propertyId,
      envId,
      name: body.name.trim(),
      presetValues: (body.presetValues ?? []).map((v) => ({
        id: v.id ?? randomUUID(),
        value: v.value,
        description: v.description,
      })),
      usePresetValuesOnly: body.usePresetValuesOnly ?? false,
      isBuiltIn: false,
      isDigestField: body.isDigestField ?? false,
      remark: body.remark ?? '',
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    return EndUserPropertyDto.from(saved);
  }

  @Delete(':propertyId')
  @Permission('ManageEndUsers', Res.env())
  @Operation('deleteEndUserProperty', 'Remove a property from the catalogue (not built-ins)')
  @ApiOkEnvelope('boolean')
  async delete(
    @IdParam('envId') envId: string,
    @IdParam('propertyId', 'property') propertyId: string,
  ): Promise<boolean> {
    const existing = await this.store.endUserProperties.findById(propertyId);
    if (!existing || existing.envId !== envId) throw new ResourceNotFoundError('property');
    if (existing.isBuiltIn)
      throw new BusinessRuleError(
        ERROR_CODES.cannotModifyBuiltInProperty,
        'built-in properties cannot be removed',
      );
    await this.store.endUserProperties.delete(propertyId);
    return true;
  }
}
