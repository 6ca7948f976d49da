import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RN } from '../../core/iam/resource-name';
import { approvalOf } from '../../core/workflow/change-request-rules';
import type {
  Environment,
  EnvironmentSecret,
  Organization,
  Project,
  Workspace,
} from '../../core/tenancy/tenancy';
import type { ApiContext } from '../auth/api-context';

/** SDK secrets are shown only with CanAccessEnvSecrets (a read-only member must not get them). */
export function canSeeSecrets(ctx: ApiContext, project: Project, env: Environment): boolean {
  return ctx.can('CanAccessEnvSecrets', RN.env(project.key, env.key));
}

export class WorkspaceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ nullable: true, type: String }) license!: string | null;
  @ApiProperty({ nullable: true, type: Object }) sso!: Record<string, unknown> | null;

  static from(w: Workspace): WorkspaceDto {
    // Licensing and SSO are not implemented: never echo stored values.
    return { id: w.id, name: w.name, key: w.key, license: null, sso: null };
  }
}

export class DefaultPermissionsDto {
  @ApiProperty({ type: [String] }) policyIds!: string[];
  @ApiProperty({ type: [String] }) groupIds!: string[];
}

export class OrganizationSettingsDto {
  @ApiPropertyOptional() flagSortedBy?: string;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() key!: string;
  @ApiProperty() initialized!: boolean;
  @ApiProperty({ nullable: true, type: String }) license!: string | null;
  @ApiProperty({ type: DefaultPermissionsDto }) defaultPermissions!: DefaultPermissionsDto;
  @ApiProperty({ type: OrganizationSettingsDto }) settings!: OrganizationSettingsDto;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(o: Organization): OrganizationDto {
    return {
      id: o.id,
      workspaceId: o.workspaceId,
      name: o.name,
      key: o.key,
      initialized: o.initialized,
      license: null,
      defaultPermissions: o.defaultPermissions,
      settings: o.settings,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
    };
  }
}

export class SecretDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['server', 'client'] }) type!: string;
  @ApiProperty({ description: 'The SDK key (44 characters, FeatBit format)' }) value!: string;

  static from(s: EnvironmentSecret): SecretDto {
    return { id: s.id, name: s.name, type: s.type, value: s.value };
  }
}

export class ChangeApprovalDto {
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: [String] }) reviewerMemberIds!: string[];
  @ApiProperty({ type: [String] }) reviewerGroupIds!: string[];
  @ApiProperty() applyOnApproval!: boolean;
}

export class EnvironmentSettingsDto {
  @ApiProperty() requireChangeComment!: boolean;
  @ApiProperty({ type: ChangeApprovalDto }) changeApproval!: ChangeApprovalDto;
}

export class EnvironmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() key!: string;
  @ApiProperty() description!: string;
  @ApiProperty({
    type: [SecretDto],
    description: 'SDK secrets; empty unless the caller has CanAccessEnvSecrets on the environment',
  })
  secrets!: SecretDto[];
  @ApiProperty({ type: EnvironmentSettingsDto }) settings!: EnvironmentSettingsDto;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  /**
   * Without `showSecrets` (CanAccessEnvSecrets) the list is empty: entries without a value would
   * break clients that copy `value`, and FeatBit clients already handle an environment without secrets.
   */
  static from(e: Environment, showSecrets: boolean): EnvironmentDto {
    return {
      id: e.id,
      projectId: e.projectId,
      name: e.name,
      key: e.key,
      description: e.description,
      secrets: showSecrets ? e.secrets.map((x) => SecretDto.from(x)) : [],
      settings: {
        requireChangeComment: e.settings.requireChangeComment ?? false,
        changeApproval: approvalOf(e.settings),
      },
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    };
  }
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ type: [EnvironmentDto] }) environments!: EnvironmentDto[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(p: Project, envs: Environment[], showSecrets: (env: Environment) => boolean): ProjectDto {
    return {
      id: p.id,
      organizationId: p.organizationId,
      name: p.name,
      key: p.key,
      environments: envs.map((x) => EnvironmentDto.from(x, showSecrets(x))),
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}
