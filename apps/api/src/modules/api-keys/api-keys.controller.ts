import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@dnb/contracts';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, RequirePermission, UsersOnly } from '../../common/auth/auth.decorators';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-keys.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api-keys')
@RequirePermission(Permission.ApiKeysManage)
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOperation({ summary: 'All API keys, without their secrets (admin)' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(): Promise<ApiKeyDto[]> {
    return this.keys.list();
  }

  @Post()
  // A key is owned by the signed-in admin who made it (owner_id references users): keys cannot mint keys.
  @UsersOnly()
  @ApiOperation({ summary: 'Create an API key (admin); the key is in this answer only' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(@Body() body: CreateApiKeyDto, @CurrentActor() actor: Actor): Promise<CreatedApiKeyDto> {
    return this.keys.create(body, actor);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key (admin); refused from the next request on' })
  @ApiOkResponse({ type: ApiKeyDto })
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<ApiKeyDto> {
    return this.keys.revoke(id, actor);
  }
}
