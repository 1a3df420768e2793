import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ApiErrorBody, type ErrorCode } from '@dnb/contracts';

export class FieldErrorDto {
  @ApiProperty({ example: 'reason' }) field!: string;
  @ApiProperty({ type: [String], example: ['reason must be longer than or equal to 3 characters'] }) messages!: string[];
}

/** The one error shape of every 4xx/5xx answer. */
export class ApiErrorDto implements ApiErrorBody {
  @ApiProperty({ example: 403 }) statusCode!: number;
  @ApiProperty({ enum: ERROR_CODES, example: 'PERMISSION_DENIED' }) code!: ErrorCode;
  @ApiProperty({ example: 'your role (viewer) lacks control:pause:entry' }) message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  @ApiProperty({ example: '550e8400-e29b-41d4-a716-446655440000', description: 'Also in the X-Correlation-ID header and every log line' })
  correlationId!: string;
}
