import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { RelayProxy, RelayProxyAgent, RelayProxyAutoAgent } from '../../core/integrations/integrations';
import { maskedRelayProxyKey } from '../../core/integrations/relay-proxy-key';
import { PageQueryDto } from '../http/paging.dto';
import { IsDescription, IsName } from '../http/validators';

const HOST_MAX = 2048;
/** Most environments one proxy names (isAllEnvs covers any number). */
export const MAX_RELAY_SCOPES = 1000;
export const MAX_RELAY_AGENTS = 100;

/** FeatBit's Agent: a relay proxy instance the console syncs by hand. */
export class RelayProxyAgentInputDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) id!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) name!: string;
  @ApiProperty({ example: 'http://relay.internal:6100' }) @IsString() @MaxLength(HOST_MAX) host!: string;
}

/** FeatBit's AutoAgent as the console sends it back on update (only its id matters: removal). */
export class RelayProxyAutoAgentRefDto {
  @ApiProperty() @IsString() @MaxLength(128) id!: string;
}

/** FeatBit's CreateRelayProxy / UpdateRelayProxy body. */
export class UpsertRelayProxyDto {
  @IsName() name!: string;
  @IsDescription() description?: string;
  @ApiProperty() @IsBoolean() isAllEnvs!: boolean;

  @ApiProperty({
    type: [String],
    description: 'Environment ids of the organization (ignored when isAllEnvs)',
  })
  @IsArray()
  @ArrayMaxSize(MAX_RELAY_SCOPES)
  @IsString({ each: true })
  scopes!: string[];

  @ApiProperty({ type: [RelayProxyAgentInputDto] })
  @IsArray()
  @ArrayMaxSize(MAX_RELAY_AGENTS)
  @ValidateNested({ each: true })
  @Type(() => RelayProxyAgentInputDto)
  agents!: RelayProxyAgentInputDto[];
}

export class UpdateRelayProxyDto extends UpsertRelayProxyDto {
  @ApiPropertyOptional({
    type: [RelayProxyAutoAgentRefDto],
    description: 'The registered agents to keep; absent keeps them all (agents register themselves)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RelayProxyAutoAgentRefDto)
  autoAgents?: RelayProxyAutoAgentRefDto[];
}

export class RelayProxyQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) name?: string;
}

export class AgentHostQueryDto {
  @ApiProperty({ example: 'http://relay.internal:6100' }) @IsString() @MaxLength(HOST_MAX) agentHost!: string;
}

export class SyncAgentQueryDto {
  @ApiPropertyOptional({ description: "The agent's host (FeatBit's query); must be the stored one" })
  @IsOptional()
  @IsString()
  @MaxLength(HOST_MAX)
  host?: string;
}

/** The key is not stored (only its hash): a manual sync needs it again. */
export class SyncAgentDto {
  @ApiProperty({ description: 'The `rp-…` key shown when the proxy was created' })
  @IsString()
  @MaxLength(256)
  key!: string;
}

export class RelayProxyAgentDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() host!: string;
  @ApiProperty({ nullable: true, type: String }) syncAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) serves!: string | null;
  @ApiProperty() dataVersion!: number;
  @ApiProperty() createdAt!: string;
}

export class RelayProxyAutoAgentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: "The agent's last status report (JSON text)" }) status!: string;
  @ApiProperty() registeredAt!: string;
  @ApiPropertyOptional() reportedAt?: string;
  @ApiPropertyOptional() serves?: string;
  @ApiPropertyOptional() dataVersion?: number;
}

/** FeatBit's RelayProxyVm (with createdAt). `key` is masked, except in the answer to create. */
export class RelayProxyDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The full key only in the answer to create; masked everywhere else' })
  key!: string;
  @ApiProperty() description!: string;
  @ApiProperty() isAllEnvs!: boolean;
  @ApiProperty({ type: [String] }) scopes!: string[];
  @ApiProperty({ type: [String], description: '`{envId},{projectName}/{envName}` per scope' })
  serves!: string[];
  @ApiProperty({ type: [RelayProxyAgentDto] }) agents!: RelayProxyAgentDto[];
  @ApiProperty({ type: [RelayProxyAutoAgentDto], description: 'Newest registration first' })
  autoAgents!: RelayProxyAutoAgentDto[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(proxy: RelayProxy, serves: string[], key?: string): RelayProxyDto {
    // Field by field: the key hash never reaches an answer.
    return Object.assign(new RelayProxyDto(), {
      id: proxy.id,
      name: proxy.name,
      key: key ?? maskedRelayProxyKey(),
      description: proxy.description,
      isAllEnvs: proxy.isAllEnvs,
      scopes: proxy.scopes,
      serves,
      agents: proxy.agents.map(agentFields),
      autoAgents: [...(proxy.autoAgents ?? [])]
        .sort((a, b) => b.registeredAt.localeCompare(a.registeredAt))
        .map(autoAgentFields),
      createdAt: proxy.createdAt,
      updatedAt: proxy.updatedAt,
    });
  }
}

function agentFields(a: RelayProxyAgent): RelayProxyAgentDto {
  return {
    id: a.id,
    name: a.name,
    host: a.host,
    syncAt: a.syncAt,
    serves: a.serves,
    dataVersion: a.dataVersion,
    createdAt: a.createdAt,
  };
}

function autoAgentFields(a: RelayProxyAutoAgent): RelayProxyAutoAgentDto {
  const out: RelayProxyAutoAgentDto = { id: a.id, status: a.status, registeredAt: a.registeredAt };
  if (a.reportedAt !== undefined) out.reportedAt = a.reportedAt;
  if (a.serves !== undefined) out.serves = a.serves;
  if (a.dataVersion !== undefined) out.dataVersion = a.dataVersion;
  return out;
}

export class RelayProxyPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [RelayProxyDto] }) items!: RelayProxyDto[];
}

/** FeatBit's SyncResult. */
export class SyncResultDto {
  @ApiProperty() success!: boolean;
  @ApiProperty({ nullable: true, type: String }) syncAt!: string | null;
  @ApiProperty() serves!: string;
  @ApiProperty() dataVersion!: number;
  @ApiProperty() reason!: string;
}
