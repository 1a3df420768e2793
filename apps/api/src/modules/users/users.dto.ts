import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@dnb/contracts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';
import type { UserEntity } from './user.entity';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

export class CreateUserDto {
  @ApiProperty({ example: 'alice', pattern: USERNAME_PATTERN.source })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username must be 3-32 lowercase letters, digits, dot, dash or underscore' })
  username!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, example: 'a long passphrase of yours' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password!: string;

  @ApiProperty({ enum: ROLES, example: 'operator' })
  @IsIn(ROLES)
  role!: Role;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'false disables the user: sessions, API keys and sockets end within 1 s' })
  @IsOptional()
  @IsBoolean()
  is_active?: boolean;

  @ApiPropertyOptional({ description: 'Sets a new password; the user must change it at next login' })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password?: string;
}

export class UserDto {
  @ApiProperty({ example: '5f0c2b1e-6a8b-4a43-9d8e-2a0f3c9b7d11' })
  id!: string;

  @ApiProperty({ example: 'alice' })
  username!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty()
  is_active!: boolean;

  @ApiProperty()
  mfa_enabled!: boolean;

  @ApiProperty()
  must_change_password!: boolean;

  @ApiProperty({ example: '2026-11-21T23:59:00.000Z' })
  created_at!: string;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T08:00:00.000Z' })
  last_login_at!: string | null;

  static from(user: UserEntity): UserDto {
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      is_active: user.isActive,
      mfa_enabled: user.mfaEnabled,
      must_change_password: user.mustChangePassword,
      created_at: user.createdAt,
      last_login_at: user.lastLoginAt,
    };
  }
}
