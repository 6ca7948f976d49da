import { applyDecorators, Controller, Get, Query, UseInterceptors, UsePipes } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CATALOG_TYPES, type CatalogEntry, type CatalogType } from '../../core/iam/resource-catalog';
import { Authenticated } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { ApiOkEnvelope } from '../http/api-envelope';
import { createApiValidationPipe } from '../http/api-validation.pipe';
import { EnvelopeInterceptor } from '../http/envelope.interceptor';
import { Operation } from '../http/management-controller.decorator';
import { toArray } from '../http/paging.dto';
import { ResourceCatalog } from './resource.service';

// FeatBit's ResourceController answers on /api/v1/resources and /api/v2/resources. Access: any
// signed-in member of the organization, as in FeatBit (no action needed); the list itself only
// holds what the caller's policies let them access (CanAccessProject / CanAccessEnv), so it reveals
// no name the caller could not already read. It is the console's policy-editor picker, so access
// tokens are refused (docs/api.md).

export class ResourceV1QueryDto {
  @ApiProperty({ enum: CATALOG_TYPES, description: 'Resource type' })
  @IsIn(CATALOG_TYPES)
  type!: CatalogType;

  @ApiPropertyOptional({ maxLength: 128, description: 'Substring of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;
}

export class ResourceV2QueryDto {
  @ApiPropertyOptional({ enum: ['workspace', 'organization'], default: 'organization' })
  @IsOptional()
  @IsIn(['workspace', 'organization'])
  spaceLevel?: 'workspace' | 'organization';

  @ApiPropertyOptional({ maxLength: 128, description: 'Substring of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional({ enum: CATALOG_TYPES, isArray: true, description: 'Resource types (repeatable)' })
  @IsOptional()
  @Transform(toArray)
  @IsArray()
  @ArrayMaxSize(CATALOG_TYPES.length)
  @IsIn(CATALOG_TYPES, { each: true })
  types?: CatalogType[];
}

export class ResourceDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Resource name, e.g. project/web:env/prod' }) rn!: string;
  @ApiProperty({ enum: CATALOG_TYPES }) type!: string;
}

export class ResourceV2Dto extends ResourceDto {
  @ApiProperty({ description: 'Names along the path, e.g. Web/Prod' }) pathName!: string;
}

/** A management controller on an explicit API version (ManagementController is fixed to v1). */
const VersionedController = (version: 'v1' | 'v2') =>
  applyDecorators(
    Controller(`api/${version}/resources`),
    ApiTags('Resources'),
    UsePipes(createApiValidationPipe()),
    UseInterceptors(EnvelopeInterceptor),
  );

@VersionedController('v1')
export class ResourceController {
  constructor(private readonly catalog: ResourceCatalog) {}

  @Get()
  @Authenticated({ scope: 'organization', sessionOnly: true })
  @Operation(
    'listResources',
    'FeatBit’s v1 resource picker: resources of one type with their names (RN)',
    'Only resources the caller may access are listed; without a name filter the type’s wildcard comes first.',
  )
  @ApiOkEnvelope(ResourceDto, { isArray: true })
  async v1(@Ctx() ctx: ApiContext, @Query() query: ResourceV1QueryDto): Promise<ResourceDto[]> {
    const entries = await this.catalog.list([{ org: ctx.org, statements: ctx.statements }], {
      types: [query.type],
      name: query.name,
      v2: false,
      workspaceLevel: false,
    });
    return entries.map(({ id, name, rn, type }) => ({ id, name, rn, type }));
  }
}

@VersionedController('v2')
export class ResourceV2Controller {
  constructor(private readonly catalog: ResourceCatalog) {}

  @Get()
  @Authenticated({ scope: 'organization', sessionOnly: true })
  @Operation(
    'listResourcesV2',
    'FeatBit’s v2 resource picker: resources of several types, RNs with the organization prefix',
    'spaceLevel=workspace spans every organization of the workspace the caller belongs to, each judged by the caller’s policies there.',
  )
  @ApiOkEnvelope(ResourceV2Dto, { isArray: true })
  async v2(@Ctx() ctx: ApiContext, @Query() query: ResourceV2QueryDto): Promise<ResourceV2Dto[]> {
    const workspaceLevel = query.spaceLevel === 'workspace';
    const spaces = workspaceLevel
      ? await this.catalog.workspaceSpaces(ctx.ws.id, ctx.user.id)
      : [{ org: ctx.org, statements: ctx.statements }];
    const entries: CatalogEntry[] = await this.catalog.list(spaces, {
      types: [...new Set(query.types ?? [])],
      name: query.name,
      v2: true,
      workspaceLevel,
    });
    return entries.map(({ id, name, pathName, rn, type }) => ({ id, name, pathName, rn, type }));
  }
}
