import { Body, Delete, Get, Put } from '@nestjs/common';
import { Permission } from '../auth/access.decorators';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation } from '../http/management-controller.decorator';
import { EndUserPropertyDto, UpsertPropertyDto } from './end-user.dto';
import { EndUserService } from './end-user.service';

@ManagementController('envs/:envId/end-user-properties', 'End-user properties')
export class EndUserPropertyController {
  constructor(private readonly endUsers: EndUserService) {}

  @Get()
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'listEndUserProperties',
    'The property catalogue used by rule editors (built-ins keyId and name first)',
  )
  @ApiOkEnvelope(EndUserPropertyDto, { isArray: true })
  async list(@IdParam('envId') envId: string): Promise<EndUserPropertyDto[]> {
    return (await this.endUsers.listProperties(envId)).map((p) => EndUserPropertyDto.from(p));
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
    return EndUserPropertyDto.from(await this.endUsers.upsertProperty(envId, propertyId, body));
  }

  @Delete(':propertyId')
  @Permission('ManageEndUsers', Res.env())
  @Operation('deleteEndUserProperty', 'Remove a property from the catalogue (not built-ins)')
  @ApiOkEnvelope('boolean')
  async delete(
    @IdParam('envId') envId: string,
    @IdParam('propertyId', 'property') propertyId: string,
  ): Promise<boolean> {
    await this.endUsers.deleteProperty(envId, propertyId);
    return true;
  }
}
