import type { components } from './api-schema';

/** A response or request body of the API, by its OpenAPI schema name (generated, never retyped). */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
