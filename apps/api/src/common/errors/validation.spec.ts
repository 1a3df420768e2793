import { IsIn, IsOptional } from 'class-validator';
import { parse } from 'fast-querystring';
import { describe, expect, it } from 'vitest';
import { AppException } from './app.exception';
import { createValidationPipe } from './validation';

class QueryDto {
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: string;

  @IsOptional()
  @IsIn(['a', 'b'], { each: true })
  tags?: string[];
}

describe('validation pipe (query and params remembered)', () => {
  const meta = { type: 'query' as const, metatype: QueryDto, data: undefined };

  it('gives each request its own instance with the validated values', async () => {
    const pipe = createValidationPipe();
    const first = (await pipe.transform({ status: 'open', tags: ['a'] }, meta)) as QueryDto;
    const second = (await pipe.transform({ status: 'open', tags: ['a'] }, meta)) as QueryDto;
    expect(first).toBeInstanceOf(QueryDto);
    expect(second).toBeInstanceOf(QueryDto);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    second.tags!.push('b');
    expect(((await pipe.transform({ status: 'open', tags: ['a'] }, meta)) as QueryDto).tags).toEqual(['a']);
  });

  it('remembers a query as Fastify parses it (fast-querystring: an object whose prototype is a bare null-prototype object)', async () => {
    const pipe = createValidationPipe();
    const parsed = parse('status=open&tags=a&tags=b');
    expect(pipe.knownNow(parsed, meta)).toBeUndefined();
    await pipe.transform(parsed, meta);
    expect(pipe.knownNow(parse('status=open&tags=a&tags=b'), meta)).toEqual(
      Object.assign(new QueryDto(), { status: 'open', tags: ['a', 'b'] }),
    );
    expect(pipe.knownNow(parse('status=closed'), meta)).toBeUndefined();
  });

  it('refuses invalid or unknown input every time', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 3; i++) {
      await expect(pipe.transform({ status: 'nope' }, meta)).rejects.toBeInstanceOf(AppException);
      await expect(pipe.transform({ extra: 'x' }, meta)).rejects.toBeInstanceOf(AppException);
    }
  });

  it('validates bodies in full each time', async () => {
    const pipe = createValidationPipe();
    const body = { type: 'body' as const, metatype: QueryDto, data: undefined };
    const value = { status: 'open' };
    expect(await pipe.transform(value, body)).toBeInstanceOf(QueryDto);
    await expect(pipe.transform({ status: 'other' }, body)).rejects.toBeInstanceOf(AppException);
  });
});
