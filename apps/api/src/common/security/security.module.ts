import { Global, Module } from '@nestjs/common';
import { InstanceSecrets } from './instance-secrets';
import { SecretBox } from './secret-box';

@Global()
@Module({ providers: [InstanceSecrets, SecretBox], exports: [InstanceSecrets, SecretBox] })
export class SecurityModule {}
