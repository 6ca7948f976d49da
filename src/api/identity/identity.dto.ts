import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength, ValidateBy } from 'class-validator';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../core/iam/password-policy';

/** A password someone chooses: long enough without surrounding spaces, and not a common one. */
function IsAcceptablePassword(): PropertyDecorator {
  const rule = (name: string, problem: string, code: string, message: string) =>
    ValidateBy(
      {
        name,
        validator: {
          validate: (value: unknown) => typeof value !== 'string' || passwordProblem(value) !== problem,
          defaultMessage: () => message,
        },
      },
      { context: { code } },
    );
  const tooShort = rule(
    'passwordLength',
    'too-short',
    'PasswordTooShort',
    `$property must have at least ${MIN_PASSWORD_LENGTH} characters besides leading and trailing spaces`,
  );
  const tooCommon = rule('passwordCommon', 'too-common', 'PasswordTooCommon', '$property is too common');
  return (target, key) => {
    tooShort(target, key);
    tooCommon(target, key);
  };
}

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
  @IsAcceptablePassword()
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
