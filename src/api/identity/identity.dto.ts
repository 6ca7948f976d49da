import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';

export const MIN_PASSWORD_LENGTH = 8;

export class LoginByEmailDto {
  @ApiProperty({ example: 'admin@example.com', maxLength: 254 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  @IsEmail({}, { context: { code: 'email_is_invalid' } })
  email!: string;

  @ApiProperty({ maxLength: 256 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password!: string;
}

export class LoginResultDto {
  @ApiProperty({ example: false }) isSsoFirstLogin!: boolean;
  @ApiProperty({ description: 'Short-lived JWT; send as `Authorization: Bearer <token>`' }) token!: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn!: number;
}

export class ResetPasswordDto {
  @ApiProperty({ maxLength: 256 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: 256 })
  @IsString()
  @IsNotEmpty()
  @MinLength(MIN_PASSWORD_LENGTH, { context: { code: 'PasswordTooShort' } })
  @MaxLength(256)
  newPassword!: string;
}

export class ResetPasswordResultDto {
  @ApiProperty() success!: boolean;
  @ApiProperty() reason!: string;
}

export class ProfileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['Local', 'Sso', 'OAuth'] }) origin!: string;
}

export class UpdateProfileDto {
  @ApiProperty({ maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name!: string;

  @ApiProperty({ maxLength: 254 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  @IsEmail({}, { context: { code: 'email_is_invalid' } })
  email!: string;
}
