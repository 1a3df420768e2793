import { Init1763769600000 } from './1763769600000-init';
import { TeamAccess1763856000000 } from './1763856000000-team-access';
import { ConfigVersions1763942400000 } from './1763942400000-config-versions';
import { FeedEvents1764028800000 } from './1764028800000-feed-events';
import { History1764115200000 } from './1764115200000-history';
import { Alerts1764201600000 } from '../1764201600000-alerts';
import { ClusterLease1764288000000 } from '../1764288000000-cluster-lease';

export const POSTGRES_MIGRATIONS = [
  Init1763769600000,
  TeamAccess1763856000000,
  ConfigVersions1763942400000,
  FeedEvents1764028800000,
  History1764115200000,
  Alerts1764201600000,
  ClusterLease1764288000000,
];
