import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import type { Actor } from '../../common/auth/actor';
import { ApiKeysService } from '../api-keys/api-keys.service';

/** X-API-Key header, or the spec's `api_key` field in a control body: the same credential. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly keys: ApiKeysService) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Actor | false> {
    const header = request.headers['x-api-key'];
    const fromBody = (request.body as { api_key?: unknown } | undefined)?.api_key;
    const presented = typeof header === 'string' ? header : typeof fromBody === 'string' ? fromBody : undefined;
    if (!presented) return false;
    const result = await this.keys.authenticate(presented, request.ip);
    if (typeof result === 'string') {
      (request as FastifyRequest & { apiKeyRefusal?: string }).apiKeyRefusal = result;
      return false;
    }
    return result;
  }
}
