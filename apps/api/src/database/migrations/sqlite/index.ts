import { Init1763769600000 } from './1763769600000-init';
import { TeamAccess1763856000000 } from './1763856000000-team-access';

export const SQLITE_MIGRATIONS = [Init1763769600000, TeamAccess1763856000000];
