import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { permissionsOf } from '@dnb/contracts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../users/password-policy';
import { UserDto } from '../users/users.dto';

export class LoginDto {
  @ApiProperty({ example: 'alice' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'a long passphrase of yours' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH * 4)
  password!: string;

  @ApiPropertyOptional({ example: '123456', description: 'TOTP code, or a recovery code, when two-factor authentication is on' })
  @IsOptional()
  @IsString()
  @Length(6, 16)
  totp?: string;
}

export class StepUpDto {
  @ApiProperty()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH * 4)
  password!: string;

  @ApiPropertyOptional({ example: '123456' })
  @IsOptional()
  @IsString()
  @Length(6, 16)
  totp?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH * 4)
  current_password!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  new_password!: string;
}

export class MfaCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Length(6, 16)
  totp!: string;
}

export class MfaDisableDto extends StepUpDto {}

export class TokenResponseDto {
  @ApiProperty({ description: 'The access JWT, for Authorization: Bearer' })
  access_token!: string;

  @ApiProperty({ enum: ['bearer'] })
  token_type!: 'bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expires_in!: number;

  @ApiProperty({ type: UserDto })
  user!: UserDto;
}

export class MeDto extends UserDto {
  @ApiProperty({ type: [String], description: 'What this role may do (the shared permission matrix)' })
  permissions!: string[];

  @ApiPropertyOptional({ example: 1763769600, description: 'When the session last proved the password (epoch s)' })
  auth_time?: number;

  static withPermissions(user: UserDto, authTime?: number): MeDto {
    return { ...user, permissions: permissionsOf(user.role), auth_time: authTime };
  }
}

export class SessionDto {
  @ApiProperty() id!: string;
  @ApiProperty() created_at!: string;
  @ApiProperty() last_used_at!: string;
  @ApiProperty() expires_at!: string;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) user_agent!: string | null;
  @ApiProperty({ description: 'The session this request belongs to' }) current!: boolean;
}

export class MfaSetupDto {
  @ApiProperty({ description: 'Base32 seed, for manual entry' }) secret!: string;
  @ApiProperty({ description: 'otpauth:// URI for a QR code' }) otpauth_url!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'One-time codes; shown once' }) recovery_codes!: string[];
}
