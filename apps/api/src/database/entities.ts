import { AppMetaEntity } from '../modules/app-meta/app-meta.entity';

/** Every entity, listed explicitly (no globs: the same list works from src and dist). */
export const ENTITIES = [AppMetaEntity];
