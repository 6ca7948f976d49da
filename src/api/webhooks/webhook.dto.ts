import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { Webhook, WebhookDelivery } from '../../core/integrations/integrations';
import { WEBHOOK_EVENTS } from '../../core/integrations/webhook-events';
import { PageQueryDto, toBoolean } from '../http/paging.dto';
import { IsName, IsOptionalTimestamp } from '../http/validators';

const URL_MAX = 2048;
const TEMPLATE_MAX = 65_536;
/** An HTTP header name (RFC 9110 token) and a value without line breaks. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/;
const HEADER_VALUE = /^[^\r\n]*$/;

export class WebhookHeaderDto {
  @ApiProperty()
  @IsString()
  @Matches(HEADER_NAME, {
    message: "headers: a header name may hold only letters, digits and !#$%&'*+.^_`|~-",
  })
  key!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(4096)
  @Matches(HEADER_VALUE, { message: 'headers: a header value may not hold line breaks' })
  value!: string;
}

/** FeatBit's CreateWebhook / UpdateWebhook body. */
export class UpsertWebhookDto {
  @IsName() name!: string;

  @ApiProperty({ maxLength: URL_MAX, example: 'https://example.com/featbit-hook' })
  @IsString()
  @MaxLength(URL_MAX)
  url!: string;

  @ApiProperty({ type: [String], description: '`{projectId}/{envId1},{envId2}`' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  scopes!: string[];

  @ApiProperty({ type: [String], enum: WEBHOOK_EVENTS })
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsString({ each: true })
  events!: string[];

  @ApiPropertyOptional({ type: [WebhookHeaderDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WebhookHeaderDto)
  headers?: WebhookHeaderDto[];

  @ApiProperty({ enum: ['default', 'custom'] })
  @IsIn(['default', 'custom'])
  payloadTemplateType!: 'default' | 'custom';

  @ApiPropertyOptional({
    maxLength: TEMPLATE_MAX,
    description: 'Handlebars; used when payloadTemplateType is custom',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEMPLATE_MAX)
  payloadTemplate?: string;

  @ApiPropertyOptional({
    maxLength: 256,
    description:
      'HMAC-SHA256 key of X-FeatBit-Signature-256. Never answered; on update, absent keeps the stored one and "" removes it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  secret?: string;

  @ApiProperty() @IsBoolean() isActive!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() preventEmptyPayloads?: boolean;
}

/** FeatBit's GetWebhookList query. */
export class WebhookQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) projectId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) envId?: string;
}

/** FeatBit's GetDeliveryList query. */
export class WebhookDeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS }) @IsOptional() @IsString() @MaxLength(64) event?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() success?: boolean;
  @IsOptionalTimestamp() notBefore?: string;
}

/** FeatBit's SendWebhook body (the console's test send); without `payload`, a sample event is rendered. */
export class SendWebhookDto {
  @ApiPropertyOptional({
    description: 'The webhook, when it exists: its stored secret is used if none is given',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  id?: string;

  @ApiProperty({ maxLength: URL_MAX }) @IsString() @MaxLength(URL_MAX) url!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) secret?: string;

  @ApiPropertyOptional({ type: [WebhookHeaderDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WebhookHeaderDto)
  headers?: WebhookHeaderDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  events?: string[];

  @ApiPropertyOptional({ description: 'The JSON to send as is' })
  @IsOptional()
  @IsString()
  @MaxLength(TEMPLATE_MAX)
  payload?: string;

  @ApiPropertyOptional({ enum: ['default', 'custom'] })
  @IsOptional()
  @IsIn(['default', 'custom'])
  payloadTemplateType?: 'default' | 'custom';

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEMPLATE_MAX) payloadTemplate?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() preventEmptyPayloads?: boolean;
}

export class WebhookLastDeliveryDto {
  @ApiProperty() success!: boolean;
  @ApiProperty() happenedAt!: string;
  @ApiProperty({ nullable: true, type: Object, description: '{ statusCode }' }) response!: {
    statusCode: number;
  } | null;
}

/** A webhook as answered: the secret is never sent back, only whether one is set. */
export class WebhookDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) scopes!: string[];
  @ApiProperty({ type: [String] }) events!: string[];
  @ApiProperty({ type: [WebhookHeaderDto] }) headers!: WebhookHeaderDto[];
  @ApiProperty({ enum: ['default', 'custom'] }) payloadTemplateType!: string;
  @ApiProperty() payloadTemplate!: string;
  @ApiProperty({ description: 'Whether a signing secret is set (the secret itself is write-only)' })
  hasSecret!: boolean;
  @ApiProperty() isActive!: boolean;
  @ApiProperty() preventEmptyPayloads!: boolean;
  @ApiProperty({ type: WebhookLastDeliveryDto, nullable: true }) lastDelivery!: WebhookLastDeliveryDto | null;
  @ApiProperty({ description: 'Deliveries failed in a row' }) consecutiveFailures!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why the product switched the webhook off' })
  disabledReason!: string | null;
  @ApiProperty() creatorId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(hook: Webhook): WebhookDto {
    // Field by field so the secret can never leak into an answer.
    return Object.assign(new WebhookDto(), {
      id: hook.id,
      name: hook.name,
      url: hook.url,
      scopes: hook.scopes,
      events: hook.events,
      headers: hook.headers,
      payloadTemplateType: hook.payloadTemplateType,
      payloadTemplate: hook.payloadTemplate,
      hasSecret: hook.secret !== '',
      isActive: hook.isActive,
      preventEmptyPayloads: hook.preventEmptyPayloads,
      lastDelivery: hook.lastDelivery,
      consecutiveFailures: hook.consecutiveFailures || 0,
      disabledReason: hook.disabledReason ?? null,
      creatorId: hook.creatorId,
      createdAt: hook.createdAt,
      updatedAt: hook.updatedAt,
    });
  }
}

export class WebhookPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [WebhookDto] }) items!: WebhookDto[];
}

/** One attempt of a delivery, as FeatBit's log shows it, with its duration. */
export class WebhookDeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty() webhookId!: string;
  @ApiProperty() success!: boolean;
  @ApiProperty({ description: 'Comma-joined event names' }) events!: string;
  @ApiProperty({ type: Object, description: '{ url, headers, payload }' }) request!: Record<string, unknown>;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: '{ statusCode, reasonPhrase, headers, body (first 4 KiB) }',
  })
  response!: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true, description: '{ message }' }) error!: Record<
    string,
    unknown
  > | null;
  @ApiProperty() startedAt!: string;
  @ApiProperty() endedAt!: string;
  @ApiProperty() durationMs!: number;

  static from(d: WebhookDelivery): WebhookDeliveryDto {
    return Object.assign(new WebhookDeliveryDto(), {
      ...d,
      durationMs: Math.max(0, Date.parse(d.endedAt) - Date.parse(d.startedAt)),
    });
  }
}

export class WebhookDeliveryPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [WebhookDeliveryDto] }) items!: WebhookDeliveryDto[];
}
