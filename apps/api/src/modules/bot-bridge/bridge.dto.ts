import { ApiProperty } from '@nestjs/swagger';
import { BOT_LIFECYCLES, type BotLifecycle, type DataFreshness } from '@dnb/contracts';

/** OpenAPI classes shared by the read routes (status, positions). */

export class DataFreshnessDto implements DataFreshness {
  @ApiProperty({
    enum: ['live', 'cached'],
    example: 'live',
    description: 'live: read from the bot within the cache TTL (5 s) and its last answer was good; cached: older, or the bot failed since',
  })
  source!: 'live' | 'cached';

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-11-21T23:59:00.000Z',
    description: 'When the data was read from the bot (UTC)',
  })
  as_of!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 412, description: 'Age of the data in ms when answered' })
  age_ms!: number | null;
}

export const LIFECYCLE_PROPERTY = {
  enum: BOT_LIFECYCLES as unknown as string[],
  example: 'running' as BotLifecycle,
  description: "The bot's state; unavailable: it gives no usable answer",
};

/** 502 / 503 / 504 for reads while the bot gives no fresh data (spec 11.1). */
export class BotUnavailableDto {
  @ApiProperty({ example: 503 }) statusCode!: number;
  @ApiProperty({ enum: ['BOT_UNAVAILABLE', 'BOT_TIMEOUT', 'BOT_INVALID_RESPONSE'], example: 'BOT_UNAVAILABLE' }) code!: string;
  @ApiProperty({ example: 'Could not read fresh data: bot unreachable on /internal/positions: ECONNREFUSED' }) message!: string;
  @ApiProperty({ example: '5b0c9d8e-4f7a-4b51-9d43-2f0a1c2e3d4f' }) correlationId!: string;
  @ApiProperty({ example: 'Bot unavailable' }) error!: string;
  @ApiProperty({ example: 5, description: 'Seconds before a retry makes sense (also the Retry-After header)' }) retry_after!: number;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'The answer as it was when the data was last fresh (same shape as the 200 answer), or null',
  })
  cached_data!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-21T23:58:51.000Z', description: 'When that data was read (UTC)' })
  cached_at!: string | null;
}

/** 501 when the bot lacks an optional feature. */
export class FeatureUnsupportedDto {
  @ApiProperty({ example: 501 }) statusCode!: number;
  @ApiProperty({ example: 'BOT_FEATURE_UNSUPPORTED' }) code!: string;
  @ApiProperty({ example: 'This bot does not support chain status (/internal/chains); everything else keeps working.' }) message!: string;
  @ApiProperty({ example: 'chains' }) feature!: string;
  @ApiProperty() correlationId!: string;
}
