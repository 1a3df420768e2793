import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isIP } from 'node:net';
import { ROLES, type Role } from '@dnb/contracts';
import type { ApiKeyEntity } from './api-key.entity';

@ValidatorConstraint({ name: 'ipOrCidr' })
export class IpOrCidr implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const [address, bits, ...rest] = value.split('/');
    const family = isIP(address ?? '');
    if (!family || rest.length) return false;
    if (bits === undefined) return true;
    const n = Number(bits);
    return Number.isInteger(n) && n >= 0 && n <= (family === 4 ? 32 : 128);
  }
  defaultMessage(): string {
    return 'each entry must be an IP address or CIDR block';
  }
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'grafana-readonly', minLength: 3, maxLength: 64 })
  @IsString()
  @Length(3, 64)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z', description: 'UTC; after this the key is refused' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expires_at?: string;

  @ApiPropertyOptional({ type: [String], example: ['10.0.0.0/8', '203.0.113.7'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Validate(IpOrCidr, { each: true })
  ip_allowlist?: string[];
}

export class ApiKeyDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The public part of the key, to recognise it', example: 'dnb_3f2a9c01b7de' }) prefix!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() owner_id!: string;
  @ApiProperty({ type: [String], nullable: true }) ip_allowlist!: string[] | null;
  @ApiProperty() created_at!: string;
  @ApiProperty({ nullable: true, type: String }) expires_at!: string | null;
  @ApiProperty({ nullable: true, type: String }) last_used_at!: string | null;
  @ApiProperty({ nullable: true, type: String }) revoked_at!: string | null;

  static from(key: ApiKeyEntity): ApiKeyDto {
    return {
      id: key.id,
      name: key.name,
      prefix: `dnb_${key.prefix}`,
      role: key.role,
      owner_id: key.ownerId,
      ip_allowlist: key.ipAllowlist ? (JSON.parse(key.ipAllowlist) as string[]) : null,
      created_at: key.createdAt,
      expires_at: key.expiresAt,
      last_used_at: key.lastUsedAt,
      revoked_at: key.revokedAt,
    };
  }
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself. Shown this once; store it now.', example: 'dnb_3f2a9c01b7de_…' })
  key!: string;
}
