/**
 * Who may do what: the one role -> permission matrix (spec 5.2). The API's global guard
 * checks it on every route and socket event; the SPA reads it to show or hide controls.
 */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const Permission = {
  // Reading the bot and its history
  StatusRead: 'status:read',
  PositionsRead: 'positions:read',
  HistoryRead: 'history:read',
  AlertsRead: 'alerts:read',
  FeedSubscribe: 'feed:subscribe',
  // Control (the resume rule for operators also depends on the current pause scope)
  ControlPauseEntry: 'control:pause:entry',
  ControlPauseExit: 'control:pause:exit',
  ControlPauseAll: 'control:pause:all',
  ControlPauseAsgard: 'control:pause:asgard',
  ControlPauseHyperliquid: 'control:pause:hyperliquid',
  ControlResumeEntryExit: 'control:resume:entry-exit',
  ControlResumeAny: 'control:resume:any',
  ControlEmergencyStop: 'control:emergency-stop',
  ControlPreview: 'control:preview',
  // Bot configuration
  ConfigRead: 'config:read',
  ConfigWrite: 'config:write',
  // Alerting
  AlertsAck: 'alerts:ack',
  AlertsSilence: 'alerts:silence',
  AlertRulesWrite: 'alerts:rules:write',
  AlertChannelsRead: 'alerts:channels:read',
  AlertChannelsWrite: 'alerts:channels:write',
  AlertsTest: 'alerts:test',
  AlertsDeadLetterRetry: 'alerts:dead-letter:retry',
  // Administration
  UsersManage: 'users:manage',
  ApiKeysManage: 'api-keys:manage',
  AuditRead: 'audit:read',
  /** Run the history's retention job on demand (it also runs daily at 03:00 UTC). */
  HistoryMaintain: 'history:maintain',
  /** Read GET /metrics (Prometheus); viewers too, so a scraper's key can read but never act. */
  MetricsRead: 'metrics:read',
  /** Make and list database backups (SQLite). */
  BackupsManage: 'backups:manage',
  // What any signed-in user may do to their own account
  AccountSelf: 'account:self',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const VIEWER: readonly Permission[] = [
  Permission.StatusRead,
  Permission.PositionsRead,
  Permission.HistoryRead,
  Permission.AlertsRead,
  Permission.FeedSubscribe,
  Permission.MetricsRead,
  Permission.AccountSelf,
];

const OPERATOR: readonly Permission[] = [
  ...VIEWER,
  Permission.ControlPauseEntry,
  Permission.ControlPauseExit,
  Permission.ControlResumeEntryExit,
  Permission.ControlPreview,
  Permission.ConfigRead,
  Permission.AlertsAck,
  Permission.AlertsSilence,
  Permission.AlertRulesWrite,
];

const ADMIN: readonly Permission[] = Object.values(Permission);

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  viewer: new Set(VIEWER),
  operator: new Set(OPERATOR),
  admin: new Set(ADMIN),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}

/** The permission needed to pause in a scope. */
export function pausePermission(scope: 'all' | 'entry' | 'exit' | 'asgard' | 'hyperliquid'): Permission {
  switch (scope) {
    case 'entry':
      return Permission.ControlPauseEntry;
    case 'exit':
      return Permission.ControlPauseExit;
    case 'asgard':
      return Permission.ControlPauseAsgard;
    case 'hyperliquid':
      return Permission.ControlPauseHyperliquid;
    case 'all':
      return Permission.ControlPauseAll;
  }
}
