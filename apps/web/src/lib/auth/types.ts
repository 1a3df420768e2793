import type { components } from '@/lib/api-schema';

export type Me = components['schemas']['MeDto'];
export type TokenResponse = components['schemas']['TokenResponseDto'];
export type SessionInfo = components['schemas']['SessionDto'];
