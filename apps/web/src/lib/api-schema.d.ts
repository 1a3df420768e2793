/* Generated from openapi.json by scripts/openapi-client.mjs: do not edit. */
export interface paths {
    "/api/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alert with its deliveries */
        get: operations["AlertsController_one"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge: repeats for this metric stop until the severity rises (operator+) */
        post: operations["AlertsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alert rules (thresholds, throttles, switches); channels too for admins, secrets masked */
        get: operations["AlertsController_config"];
        /** Change the rules (operator+) and/or replace the API-defined channels (admin); audited */
        put: operations["AlertsController_updateConfig"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries that failed for good (admin) */
        get: operations["AlertsController_deadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead letter again with a fresh set of tries (admin) */
        post: operations["AlertsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts, newest first, with each channel’s delivery status; cursor pages; ?format=csv|json exports all */
        get: operations["AlertsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/silences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Silences in force or scheduled */
        get: operations["AlertsController_silences"];
        put?: never;
        /** Mute matching alerts (type, position, asset) for a window: they are kept in history, not sent */
        post: operations["AlertsController_addSilence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/silences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End a silence now */
        delete: operations["AlertsController_endSilence"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/telegram/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Telegram users allowed to send commands, and the control-center user each acts as (admin) */
        get: operations["AlertsController_telegramLinks"];
        /** Replace the Telegram user links (admin; audited). Commands also need an allowed chat (TELEGRAM_ALLOWED_CHATS) */
        put: operations["AlertsController_putTelegramLinks"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test message to one channel now and answer how it went (admin; 10 a minute) */
        post: operations["AlertsController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All API keys, without their secrets (admin) */
        get: operations["ApiKeysController_list"];
        put?: never;
        /** Create an API key (admin); the key is in this answer only */
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (admin); refused from the next request on */
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit log, newest first, filtered and paged by cursor; ?format=csv|json exports every matching row */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute the hash chain and report whether any row was altered or removed */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; the refresh token is set as an httpOnly cookie scoped to /api/v1/auth */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I, with the permissions of my role */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor off (password and a current code) */
        post: operations["MfaController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a code; two-factor is then on, and recovery codes are shown once */
        post: operations["MfaController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace my recovery codes (password and a current code) */
        post: operations["MfaController_recoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP enrolment: a new seed, active once a code from it is confirmed */
        post: operations["MfaController_setup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password; my other sessions end */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the refresh cookie and get a new access token; reuse of a spent refresh token ends the session */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My open sessions */
        get: operations["AuthController_sessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of my sessions */
        delete: operations["AuthController_revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/step-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Prove the password again (emergency stop needs a login younger than 15 min) */
        post: operations["AuthController_stepUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/backups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The SQLite backups kept, newest first (admin) */
        get: operations["BackupsController_list"];
        put?: never;
        /**
         * Back up the SQLite database now (admin; audited)
         * @description An online copy through SQLite’s backup API, checked (integrity_check, rows per table, SHA-256) before it is kept. The same runs daily at 02:30 UTC.
         */
        post: operations["BackupsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bot’s live configuration (501 when the bot does not serve it) */
        get: operations["ConfigController_get"];
        /** Change fields of the configuration (admin); validated against the limits; answers the diff; stored as a version */
        put: operations["ConfigController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a PUT /config of these fields would change now, validated against the limits; nothing is sent or stored (admin) */
        post: operations["ConfigController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/risk-limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The risk section: leverage, position sizes, health-factor and margin thresholds */
        get: operations["ConfigController_riskLimits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configuration versions, newest first */
        get: operations["ConfigController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/versions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a stored version to the bot again (admin) */
        post: operations["ConfigController_restore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/control/emergency-stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close every position and pause all (admin, login < 15 min: else 401 STEP_UP_REQUIRED); confirm must be "STOP" */
        post: operations["ControlController_emergencyStop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/control/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause the bot in a scope; idempotent; the answer is the re-read pause state */
        post: operations["ControlController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/control/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an action would do now: exposed positions for a pause, positions to close for an emergency stop */
        get: operations["ControlController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/control/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume; operators only from an entry/exit pause with no manual-reset breaker; after an emergency stop, admins with a fresh login */
        post: operations["ControlController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health of the control center, the bot API and the database (no auth) */
        get: operations["HealthController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (no dependency is checked) */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and is migrated (the bot is not required) */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/circuit-breakers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Circuit breaker events, newest first (spec Appendix A); paged by cursor; ?format=csv|json exports all */
        get: operations["HistoryController_circuitBreakers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/funding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Funding rate and net APY per asset (averages per bucket), when the bot serves funding rates */
        get: operations["HistoryController_funding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/pnl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Portfolio PnL over a rolling window (days) or from/to, UTC, with the trades’ summary (spec 3.1)
         * @description Resolution from the range unless given; at most 2,000 points (the newest). ?format=csv|json downloads the data points.
         */
        get: operations["HistoryController_pnl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/retention/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the metrics retention job now (admin; audited): roll up, delete what is past retention, reclaim space
         * @description The same job runs daily at 03:00 UTC. Idempotent: a second run finds nothing to do.
         */
        post: operations["HistoryController_runRetention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/trades": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Closed positions (trades) with their last-seen figures and close reason; filtered, sorted, paged by cursor
         * @description ?format=csv|json exports every matching trade as a streamed download.
         */
        get: operations["HistoryController_trades"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pause-state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current pause state: scope, reason, who paused and when, active circuit breakers */
        get: operations["StatusController_getPauseState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Positions with a summary (exact decimal sums), filtered and sorted, with data freshness
         * @description While the bot starts or recovers: 200 with complete=false, the state, recovery progress and a note (an empty list then does not mean "no positions").
         */
        get: operations["PositionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/positions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Full detail of one position (spec Appendix A): sizing, both legs, PnL, risk */
        get: operations["PositionsController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/positions/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One position’s health factor, margin fraction, delta ratio and PnL over time, with its lifecycle events
         * @description Default range: the position’s life (open to close, or to now). ?format=csv|json downloads the data points.
         */
        get: operations["HistoryController_positionHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bot's statistics (uptime, opportunities, positions opened and closed, errors) */
        get: operations["StatusController_getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Bot runtime status: state, uptime, environment, pause state, chains, data freshness
         * @description Always 200: when the bot is starting, recovering or unavailable that is the state reported (with recovery progress and a note); the pause state is the last known one, see freshness.
         */
        get: operations["StatusController_getStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All users (admin) */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user (admin); they must change the password at first login */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a user (admin); the last active admin cannot be removed */
        delete: operations["UsersController_remove"];
        options?: never;
        head?: never;
        /** Change role, disable/enable, or reset the password (admin); the last active admin stays */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text exposition format), outside /api/v1
         * @description For a scraper, use an API key of the viewer role in the X-API-Key header: it can read, never act. HTTP latency per route, sockets, feed events, queue depths and drops, bot bridge state and latency, alert deliveries, database timing, process figures.
         */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AlertConfigDto: {
            /** @description Only for those who may read channels (admin); secrets masked */
            channels?: components["schemas"]["ChannelViewDto"][];
            rules: components["schemas"]["AlertRulesDto"];
        };
        AlertDto: {
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-12-04T03:02:00.000Z
             */
            acknowledged_at: string | null;
            acknowledged_by: string | null;
            asset: string | null;
            /** @description Per channel and purpose: channels_sent */
            channels_sent: components["schemas"]["DeliveryDto"][];
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-12-04T03:00:00.000Z
             */
            created_at: string;
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-12-04T03:15:00.000Z
             */
            escalated_at: string | null;
            /** @description The figures, decimal strings exactly as the bot sent them */
            facts: {
                [key: string]: unknown;
            };
            /** @example al_5f0c... */
            id: string;
            /** @description Rank within the metric key (warning 1, critical 2, emergency 3) */
            level: number;
            /** @description The message lines, as sent (UTC times, Q10 ratios) */
            message: string;
            /**
             * @description Throttles, acks and escalation are per metric key
             * @example pos_1:health
             */
            metric_key: string;
            position_id: string | null;
            /** @enum {string} */
            severity: "info" | "warning" | "critical";
            /** @description The silence that muted it (kept, not sent) */
            silenced_by: string | null;
            /** @example EMERGENCY: Liquidation Imminent */
            title: string;
            /** @enum {string} */
            type: "funding_flip" | "health_factor_warning" | "health_factor_critical" | "health_factor_emergency" | "delta_drift" | "lst_depeg" | "circuit_breaker" | "position_liquidation" | "chain_outage" | "transaction_failure" | "heartbeat" | "daily_pnl" | "bot_unreachable" | "bot_recovered";
        };
        AlertHistoryDto: {
            alerts: components["schemas"]["AlertDto"][];
            next_cursor: string | null;
        };
        AlertRulesDto: {
            /**
             * @description |delta_ratio| above this alerts (0.005 = 0.5%)
             * @example 0.005
             */
            delta_drift_above: string;
            /** @description Per alert type (funding_flip, health_factor_warning, health_factor_critical, health_factor_emergency, delta_drift, lst_depeg, circuit_breaker, position_liquidation, chain_outage, transaction_failure, heartbeat, daily_pnl, bot_unreachable, bot_recovered) */
            enabled: {
                [key: string]: boolean;
            };
            health: components["schemas"]["HealthRulesDto"];
            /** @description Seconds per alert type without levels; 0: none */
            throttle_seconds: {
                [key: string]: number;
            };
        };
        ApiErrorDto: {
            /**
             * @example PERMISSION_DENIED
             * @enum {string}
             */
            code: "VALIDATION_FAILED" | "BAD_REQUEST" | "UNAUTHENTICATED" | "PERMISSION_DENIED" | "STEP_UP_REQUIRED" | "PASSWORD_CHANGE_REQUIRED" | "MFA_ENROLMENT_REQUIRED" | "MFA_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "RATE_LIMITED" | "BOT_UNAVAILABLE" | "BOT_TIMEOUT" | "BOT_INVALID_RESPONSE" | "BOT_REJECTED" | "BOT_FEATURE_UNSUPPORTED" | "SERVICE_UNAVAILABLE" | "NOT_SUPPORTED" | "INTERNAL_ERROR";
            /**
             * @description Also in the X-Correlation-ID header and every log line
             * @example 550e8400-e29b-41d4-a716-446655440000
             */
            correlationId: string;
            errors?: components["schemas"]["FieldErrorDto"][];
            /** @example your role (viewer) lacks control:pause:entry */
            message: string;
            /** @example 403 */
            statusCode: number;
        };
        ApiKeyDto: {
            created_at: string;
            expires_at: string | null;
            id: string;
            ip_allowlist: string[] | null;
            last_used_at: string | null;
            name: string;
            owner_id: string;
            /**
             * @description The public part of the key, to recognise it
             * @example dnb_3f2a9c01b7de
             */
            prefix: string;
            revoked_at: string | null;
            /** @enum {string} */
            role: "viewer" | "operator" | "admin";
        };
        AsgardLegDto: {
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 5000.00
             */
            collateral_usd: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 0.28
             */
            current_health_factor: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 106.10
             */
            current_price: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 105.25
             */
            entry_price: string;
            /** @example ABC123... */
            position_pda: string | null;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 47.5
             */
            token_a_amount: string;
        };
        AuditEntryDto: {
            /** @example control.pause */
            action: string;
            actor_id: string | null;
            /** @enum {string} */
            actor_kind: "user" | "api_key" | "bot_key" | "anonymous";
            actor_name: string | null;
            actor_role: string | null;
            after: Record<string, never> | null;
            before: Record<string, never> | null;
            correlation_id: string | null;
            detail: Record<string, never> | null;
            hash: string;
            id: number;
            ip: string | null;
            /** @example 2026-11-21T23:59:00.000Z */
            occurred_at: string;
            /** @enum {string} */
            outcome: "success" | "failure" | "denied" | "attempt" | "unknown";
            status_code: number | null;
            target: string | null;
            user_agent: string | null;
        };
        AuditPageDto: {
            entries: components["schemas"]["AuditEntryDto"][];
            /** @description Pass as cursor for the next (older) page */
            next_cursor: number | null;
        };
        AuditVerifyDto: {
            first_invalid_id?: number;
            reason?: string;
            rows: number;
            valid: boolean;
        };
        BackupDto: {
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-12-04T02:30:00.000Z
             */
            created_at: string;
            /**
             * @description Who asked for it (null for the daily one)
             * @example alice
             */
            created_by: string | null;
            /** @example 412 */
            duration_ms: number;
            /**
             * @description PRAGMA integrity_check of the copy; a backup is kept only when it is 'ok'
             * @example ok
             */
            integrity: string;
            /** @example control-center-20261204T023000000Z.db */
            name: string;
            /** @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 */
            sha256: string;
            /** @example 1843200 */
            size_bytes: number;
            /**
             * @description Rows per table in the copy
             * @example {
             *       "users": 3,
             *       "audit_log": 120,
             *       "metrics": 10080
             *     }
             */
            tables: Record<string, never>;
            /** @enum {string} */
            trigger: "schedule" | "admin";
        };
        BackupListDto: {
            /** @description Newest first */
            backups: components["schemas"]["BackupDto"][];
            /** @description A backup is made every day at 02:30 UTC (BACKUP_DAILY) */
            daily: boolean;
            /**
             * @description The newest this many are kept (BACKUP_KEEP)
             * @example 14
             */
            keep: number;
            /** @description False on PostgreSQL, which is backed up by the pg_dump job (docker-compose.yml) */
            supported: boolean;
        };
        BotSectionDto: {
            enable_auto_exit?: boolean;
            enable_circuit_breakers?: boolean;
            /** @example 5 */
            max_concurrent_positions?: number;
            /**
             * @description annualised, as a fraction
             * @example 0.01
             */
            min_opportunity_apy?: string;
            /** @example 30 */
            poll_interval_seconds?: number;
            /** @example 60 */
            scan_interval_seconds?: number;
        };
        BotStatusDto: {
            /** @example production */
            environment: string;
            /** @example null */
            error: string | null;
            /** @description While starting or recovering */
            recovery_progress: components["schemas"]["RecoveryProgressDto"] | null;
            /**
             * @description Trading normally (running or degraded)
             * @example true
             */
            running: boolean;
            /**
             * @description The bot's state; unavailable: it gives no usable answer
             * @example running
             * @enum {string}
             */
            state: "starting" | "recovering" | "running" | "degraded" | "shutdown" | "unavailable";
            /**
             * @description When the control center saw this state begin
             * @example 2026-11-21T00:00:00.000Z
             */
            state_since: string | null;
            /** @example 24:00:00 */
            uptime_formatted: string | null;
            /** @example 86400 */
            uptime_seconds: number | null;
        };
        BotUnavailableDto: {
            /**
             * @description When that data was read (UTC)
             * @example 2026-11-21T23:58:51.000Z
             */
            cached_at: string | null;
            /** @description The answer as it was when the data was last fresh (same shape as the 200 answer), or null */
            cached_data: {
                [key: string]: unknown;
            } | null;
            /**
             * @example BOT_UNAVAILABLE
             * @enum {string}
             */
            code: "BOT_UNAVAILABLE" | "BOT_TIMEOUT" | "BOT_INVALID_RESPONSE";
            /** @example 5b0c9d8e-4f7a-4b51-9d43-2f0a1c2e3d4f */
            correlationId: string;
            /** @example Bot unavailable */
            error: string;
            /** @example Could not read fresh data: bot unreachable on /internal/positions: ECONNREFUSED */
            message: string;
            /**
             * @description Seconds before a retry makes sense (also the Retry-After header)
             * @example 5
             */
            retry_after: number;
            /** @example 503 */
            statusCode: number;
        };
        ChainDto: {
            /** @example 123456789 */
            block_height?: number | null;
            /** @example true */
            connected?: boolean;
        };
        ChainsDto: {
            arbitrum?: components["schemas"]["ChainDto"];
            solana?: components["schemas"]["ChainDto"];
        };
        ChangePasswordDto: {
            current_password: string;
            new_password: string;
        };
        ChannelDto: {
            /** @description telegram: bot token; "********" keeps the stored one */
            bot_token?: string | null;
            /** @example -1001234567890 */
            chat_id?: string;
            enabled: boolean;
            /** @description Receives critical alerts nobody acknowledged in time */
            escalation: boolean;
            /** @description webhook: extra headers (values stored encrypted, shown masked) */
            headers?: {
                [key: string]: string;
            };
            /** @enum {string} */
            kind: "webhook" | "telegram" | "discord";
            /** @example ops-webhook */
            name: string;
            /** @description webhook: HMAC-SHA256 key for X-DNB-Signature; "********" keeps the stored one */
            secret?: string | null;
            severities: ("info" | "warning" | "critical")[];
            /**
             * @description webhook: https only, public addresses only (unless allow-listed)
             * @example https://hooks.example.com/dnb
             */
            url?: string;
            /** @description discord: the webhook URL (a secret); "********" keeps the stored one */
            webhook_url?: string | null;
        };
        ChannelViewDto: {
            /** @description telegram: bot token; "********" keeps the stored one */
            bot_token?: string | null;
            /** @example -1001234567890 */
            chat_id?: string;
            enabled: boolean;
            /** @description Receives critical alerts nobody acknowledged in time */
            escalation: boolean;
            /** @description webhook: extra headers (values stored encrypted, shown masked) */
            headers?: {
                [key: string]: string;
            };
            /** @enum {string} */
            kind: "webhook" | "telegram" | "discord";
            /** @example ops-webhook */
            name: string;
            /** @description webhook: HMAC-SHA256 key for X-DNB-Signature; "********" keeps the stored one */
            secret?: string | null;
            severities: ("info" | "warning" | "critical")[];
            /**
             * @description env channels come from environment variables and are read-only here
             * @enum {string}
             */
            source: "env" | "api";
            /**
             * @description webhook: https only, public addresses only (unless allow-listed)
             * @example https://hooks.example.com/dnb
             */
            url?: string;
            /** @description discord: the webhook URL (a secret); "********" keeps the stored one */
            webhook_url?: string | null;
        };
        CircuitBreakerEventDto: {
            /** @description null when learnt from the pause state (not known) */
            auto_recovery: boolean | null;
            /** @enum {string} */
            breaker_type: "asgard_health" | "hyperliquid_margin" | "negative_apy" | "price_deviation" | "lst_depeg" | "high_gas" | "chain_outage" | "manual";
            /** @example 1800 */
            cooldown_seconds: number | null;
            /** @example Funding flipped positive: 0.001% */
            reason: string;
            /** @example 2025-02-04T09:00:00.000Z */
            recovery_time: string | null;
            /** @example 2025-02-04T09:00:00.000Z */
            resolved_at: string | null;
            /** @enum {string|null} */
            resolved_by: "auto" | "manual" | null;
            /** @enum {string} */
            scope: "all" | "entry" | "exit" | "asgard" | "hyperliquid";
            /**
             * @description bot: the bot’s own history; pause_state: seen in its pause state (core-tier bots)
             * @enum {string}
             */
            source: "bot" | "pause_state";
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2025-02-04T08:30:00.000Z
             */
            triggered_at: string;
        };
        CircuitBreakersPageDto: {
            circuit_breakers: components["schemas"]["CircuitBreakerEventDto"][];
            next_cursor: string | null;
        };
        ClusterRoleDto: {
            /**
             * @description True when replicas elect a leader (PostgreSQL and REDIS_URL set)
             * @example true
             */
            clustered: boolean;
            /**
             * @description The fencing epoch this replica leads with (0 without replicas); null while following
             * @example 3
             */
            epoch: number | null;
            /**
             * @description Whether this replica polls the bot and sequences events
             * @example leader
             * @enum {string}
             */
            role: "leader" | "follower";
        };
        ConfigChangeDto: {
            /**
             * @description null when the field was absent
             * @example 3.5
             */
            after: (string | null) | number | boolean;
            /**
             * @description null when the field was absent
             * @example 4.0
             */
            before: (string | null) | number | boolean;
            /** @example risk.max_leverage */
            path: string;
        };
        ConfigDto: {
            bot?: components["schemas"]["BotSectionDto"];
            risk?: components["schemas"]["RiskSectionDto"];
        };
        ConfigPreviewDto: {
            /** @description True when the change would alter the bot’s configuration */
            changed: boolean;
            /** @description The whole configuration as it would be sent */
            config: components["schemas"]["ConfigDto"];
            /** @description What would change, field by field, against what the bot reports now */
            diff: components["schemas"]["ConfigChangeDto"][];
        };
        ConfigUpdateResultDto: {
            /** @description True when the bot’s configuration differs from before */
            changed: boolean;
            /** @description What the bot now reports */
            config: components["schemas"]["ConfigDto"];
            diff: components["schemas"]["ConfigChangeDto"][];
            version?: number | null;
        };
        ConfigVersionDto: {
            author: string;
            config: components["schemas"]["ConfigDto"];
            created_at: string;
            diff: components["schemas"]["ConfigChangeDto"][];
            reason: string;
            restored_from: number | null;
            /** @enum {string} */
            source: "put" | "restore";
            version: number;
        };
        ControlPreviewDto: {
            /**
             * @example pause
             * @enum {string}
             */
            action: "pause" | "resume" | "emergency-stop";
            /**
             * @description resume: active circuit breakers that need a manual reset and keep the bot paused
             * @example []
             */
            blocking_breakers?: ("asgard_health" | "hyperliquid_margin" | "negative_apy" | "price_deviation" | "lst_depeg" | "high_gas" | "chain_outage" | "manual")[];
            /** @example No position is closed, even on exit signals or falling health: the positions below stay exposed. */
            effect: string;
            freshness: components["schemas"]["DataFreshnessDto"];
            /**
             * @description The bot's state; unavailable: it gives no usable answer
             * @example running
             * @enum {string}
             */
            lifecycle: "starting" | "recovering" | "running" | "degraded" | "shutdown" | "unavailable";
            /** @description The pause state now (see freshness) */
            pause_state: components["schemas"]["PauseStateDto"] | null;
            /** @description pause: the open positions left exposed (none for entry) */
            positions_exposed?: components["schemas"]["ExposedPositionDto"][];
            /** @description emergency-stop: every position it would close */
            positions_to_close?: components["schemas"]["ExposedPositionDto"][];
            /**
             * @description pause: the scope (entry when not given); else as asked or null
             * @example exit
             * @enum {string|null}
             */
            scope: "all" | "entry" | "exit" | "asgard" | "hyperliquid" | null;
            /**
             * @description emergency-stop: whether the bot serves it (null: not known yet)
             * @example true
             */
            supported?: boolean | null;
            /**
             * @description pause, emergency-stop: the sum of deployed_usd over the open positions (decimal string)
             * @example 30000.00
             */
            total_deployed_usd?: string;
            /**
             * @description emergency-stop: the sum of total_pnl_usd over the open positions (decimal string)
             * @example 123.45
             */
            total_pnl_usd?: string;
        };
        ControlResultDto: {
            /** @description False when the bot was already in that state (nothing sent) */
            changed: boolean;
            message?: string;
            /**
             * @description unknown: the bot did not answer in time and the re-read could not settle it
             * @enum {string}
             */
            outcome: "success" | "failure" | "unknown";
            /** @description What the bot reports now (re-read after the call) */
            pause_state: components["schemas"]["PauseStateDto"];
            positions_closing?: string[];
            /** @description The bot did what was asked (per its re-read state) */
            success: boolean;
        };
        CreateApiKeyDto: {
            /**
             * @description UTC; after this the key is refused
             * @example 2027-01-01T00:00:00Z
             */
            expires_at?: string;
            /**
             * @example [
             *       "10.0.0.0/8",
             *       "203.0.113.7"
             *     ]
             */
            ip_allowlist?: string[];
            /** @example grafana-readonly */
            name: string;
            /** @enum {string} */
            role: "viewer" | "operator" | "admin";
        };
        CreatedApiKeyDto: {
            created_at: string;
            expires_at: string | null;
            id: string;
            ip_allowlist: string[] | null;
            /**
             * @description The key itself. Shown this once; store it now.
             * @example dnb_3f2a9c01b7de_…
             */
            key: string;
            last_used_at: string | null;
            name: string;
            owner_id: string;
            /**
             * @description The public part of the key, to recognise it
             * @example dnb_3f2a9c01b7de
             */
            prefix: string;
            revoked_at: string | null;
            /** @enum {string} */
            role: "viewer" | "operator" | "admin";
        };
        CreateUserDto: {
            /** @example a long passphrase of yours */
            password: string;
            /**
             * @example operator
             * @enum {string}
             */
            role: "viewer" | "operator" | "admin";
            /** @example alice */
            username: string;
        };
        DataFreshnessDto: {
            /**
             * @description Age of the data in ms when answered
             * @example 412
             */
            age_ms: number | null;
            /**
             * @description When the data was read from the bot (UTC)
             * @example 2026-11-21T23:59:00.000Z
             */
            as_of: string | null;
            /**
             * @description live: read from the bot within the cache TTL (5 s) and its last answer was good; cached: older, or the bot failed since
             * @example live
             * @enum {string}
             */
            source: "live" | "cached";
        };
        DeliveryDto: {
            alert_id: string;
            attempts: number;
            channel: string;
            id: string;
            last_error: string | null;
            last_status: number | null;
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-12-04T03:00:01.000Z
             */
            next_attempt_at: string;
            /** @enum {string} */
            purpose: "alert" | "escalation" | "test";
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-12-04T03:00:01.000Z
             */
            sent_at: string | null;
            /** @enum {string} */
            status: "pending" | "sent" | "dead";
        };
        EmergencyStopDto: {
            api_key?: string;
            /**
             * @description Must be exactly STOP
             * @example STOP
             */
            confirm: string;
            /** @example LST depeg spreading */
            reason: string;
        };
        ExposedPositionDto: {
            /**
             * @description Asgard health factor (decimal string)
             * @example 0.28
             */
            asgard_hf: string;
            /**
             * @example SOL
             * @enum {string}
             */
            asset: "SOL" | "jitoSOL" | "jupSOL" | "INF";
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 10000.00
             */
            deployed_usd: string;
            /**
             * @description Hyperliquid margin fraction (decimal string)
             * @example 0.15
             */
            hyperliquid_mf: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 30000.00
             */
            long_value_usd: string;
            /** @example pos_sol_1 */
            position_id: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 30000.00
             */
            short_value_usd: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 45.12
             */
            total_pnl_usd: string;
        };
        FieldErrorDto: {
            /** @example reason */
            field: string;
            /**
             * @example [
             *       "reason must be longer than or equal to 3 characters"
             *     ]
             */
            messages: string[];
        };
        FundingHistoryDto: {
            /** @description Per asset, oldest first */
            data_points: components["schemas"]["FundingPointDto"][];
            /**
             * @description Start of the range (inclusive)
             * @example 2026-11-14T12:00:00.000Z
             */
            from: string;
            /**
             * @description The rolling window asked for ("24h", "7d"), or "custom" for from/to
             * @example 7d
             */
            period: string;
            /** @enum {string} */
            resolution: "1min" | "5min" | "1hour" | "1day";
            /**
             * @example UTC
             * @enum {string}
             */
            timezone: "UTC";
            /**
             * @description End of the range (exclusive)
             * @example 2026-11-21T12:00:00.000Z
             */
            to: string;
            /** @description True when the range held more than 2,000 buckets: only the newest 2,000 are answered */
            truncated: boolean;
        };
        FundingPointDto: {
            /** @enum {string} */
            asset: "SOL" | "jitoSOL" | "jupSOL" | "INF";
            /**
             * @description Hyperliquid hourly funding rate, average over the bucket (negative: shorts are paid)
             * @example -0.0000080
             */
            funding_rate: string | null;
            /**
             * @description Net APY at the default leverage, average over the bucket
             * @example 0.1523
             */
            net_apy: string | null;
            /**
             * @description Start of the bucket (UTC)
             * @example 2026-11-21T12:00:00.000Z
             */
            timestamp: string;
        };
        HealthCheckDto: {
            /**
             * @example {
             *       "state": "running"
             *     }
             */
            detail?: {
                [key: string]: unknown;
            };
            /** @example bot unreachable on /health: ECONNREFUSED */
            error?: string;
            /**
             * @description How long the check took, in milliseconds
             * @example 12
             */
            response_time_ms: number;
            /**
             * @example healthy
             * @enum {string}
             */
            status: "healthy" | "degraded" | "unhealthy" | "unknown";
        };
        HealthChecksDto: {
            /** @description Alerting: engine counts (raised, throttled, held by ack, muted, escalated), deliveries (sent, retried, dead, postponed) and each channel breaker, Telegram command counts, the engine queue. Degraded while a channel breaker is open or when deliveries went dead since the last check. */
            alerts: components["schemas"]["HealthCheckDto"];
            bot_api: components["schemas"]["HealthCheckDto"];
            dashboard: components["schemas"]["HealthCheckDto"];
            database: components["schemas"]["HealthCheckDto"];
            /** @description The real-time feed: bus and publisher queue with drop counts (detail.bus), the event log (detail.event_log: current and oldest seq, append failures), sockets (detail.sockets). Degraded while its queue is more than half full or appends fail. */
            feed: components["schemas"]["HealthCheckDto"];
        };
        HealthLevelRuleDto: {
            /** @example 0.20 */
            health_factor_below: string;
            /** @example 0.10 */
            margin_fraction_below: string;
            /**
             * @description 0: no throttle
             * @example 300
             */
            throttle_seconds: number;
        };
        HealthReportDto: {
            checks: components["schemas"]["HealthChecksDto"];
            /**
             * @example healthy
             * @enum {string}
             */
            status: "healthy" | "degraded" | "unhealthy";
            /**
             * @description UTC
             * @example 2026-11-21T23:59:00.000Z
             */
            timestamp: string;
            /** @example 0.1.0 */
            version: string;
        };
        HealthRulesDto: {
            critical: components["schemas"]["HealthLevelRuleDto"];
            emergency: components["schemas"]["HealthLevelRuleDto"];
            warning: components["schemas"]["HealthLevelRuleDto"];
        };
        HyperliquidLegDto: {
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 105.30
             */
            entry_px: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 3.0
             */
            leverage: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 0.15
             */
            margin_fraction: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 1666.67
             */
            margin_used: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 106.15
             */
            mark_px: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example -47.5
             */
            size_sol: string;
        };
        LoginDto: {
            /** @example a long passphrase of yours */
            password: string;
            /**
             * @description TOTP code, or a recovery code, when two-factor authentication is on
             * @example 123456
             */
            totp?: string;
            /** @example alice */
            username: string;
        };
        MeDto: {
            /**
             * @description When the session last proved the password (epoch s)
             * @example 1763769600
             */
            auth_time?: number;
            /** @example 2026-11-21T23:59:00.000Z */
            created_at: string;
            /** @example 5f0c2b1e-6a8b-4a43-9d8e-2a0f3c9b7d11 */
            id: string;
            is_active: boolean;
            /** @example 2026-11-22T08:00:00.000Z */
            last_login_at: string | null;
            mfa_enabled: boolean;
            must_change_password: boolean;
            /** @description What this role may do (the shared permission matrix) */
            permissions: string[];
            /** @enum {string} */
            role: "viewer" | "operator" | "admin";
            /** @example alice */
            username: string;
        };
        MfaCodeDto: {
            /** @example 123456 */
            totp: string;
        };
        MfaDisableDto: {
            password: string;
            /** @example 123456 */
            totp?: string;
        };
        MfaSetupDto: {
            /** @description otpauth:// URI for a QR code */
            otpauth_url: string;
            /** @description Base32 seed, for manual entry */
            secret: string;
        };
        PauseDto: {
            /** @description Spec 3.1 compatibility: an API key may be sent here instead of X-API-Key */
            api_key?: string;
            /** @example maintenance window */
            reason: string;
            /**
             * @description entry: no new positions; exit: no closures; all; asgard; hyperliquid
             * @example entry
             * @enum {string}
             */
            scope: "all" | "entry" | "exit" | "asgard" | "hyperliquid";
        };
        PauseStateDto: {
            /** @example [] */
            active_breakers: ("asgard_health" | "hyperliquid_margin" | "negative_apy" | "price_deviation" | "lst_depeg" | "high_gas" | "chain_outage" | "manual")[];
            /** @example false */
            paused: boolean;
            /**
             * @description UTC
             * @example null
             */
            paused_at: string | null;
            /**
             * @description 'admin', 'circuit_breaker' or the acting user
             * @example null
             */
            paused_by: string | null;
            /** @example null */
            reason: string | null;
            /**
             * @example all
             * @enum {string}
             */
            scope: "all" | "entry" | "exit" | "asgard" | "hyperliquid";
        };
        PauseStateResponseDto: {
            /** @example [] */
            active_breakers: ("asgard_health" | "hyperliquid_margin" | "negative_apy" | "price_deviation" | "lst_depeg" | "high_gas" | "chain_outage" | "manual")[];
            freshness: components["schemas"]["DataFreshnessDto"];
            /** @example false */
            paused: boolean;
            /**
             * @description UTC
             * @example null
             */
            paused_at: string | null;
            /**
             * @description 'admin', 'circuit_breaker' or the acting user
             * @example null
             */
            paused_by: string | null;
            /** @example null */
            reason: string | null;
            /**
             * @example all
             * @enum {string}
             */
            scope: "all" | "entry" | "exit" | "asgard" | "hyperliquid";
        };
        PnlDto: {
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 45.30
             */
            funding_pnl: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 40.38
             */
            long_pnl: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 0.00
             */
            position_pnl: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example -40.38
             */
            short_pnl: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 45.30
             */
            total_pnl: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 0.0091
             */
            total_pnl_pct: string;
        };
        PnlHistoryDto: {
            /** @description Oldest first; each figure is the value at the end of its bucket */
            data_points: components["schemas"]["PnlPointDto"][];
            /**
             * @description Start of the range (inclusive)
             * @example 2026-11-14T12:00:00.000Z
             */
            from: string;
            /**
             * @description The rolling window asked for ("24h", "7d"), or "custom" for from/to
             * @example 7d
             */
            period: string;
            /** @enum {string} */
            resolution: "1min" | "5min" | "1hour" | "1day";
            summary: components["schemas"]["PnlSummaryDto"];
            /**
             * @example UTC
             * @enum {string}
             */
            timezone: "UTC";
            /**
             * @description End of the range (exclusive)
             * @example 2026-11-21T12:00:00.000Z
             */
            to: string;
            /** @description True when the range held more than 2,000 buckets: only the newest 2,000 are answered */
            truncated: boolean;
        };
        PnlPointDto: {
            /**
             * @description Decimal string (exact); null when there was no data
             * @example 89.20
             */
            funding_pnl: string | null;
            /**
             * @description Decimal string (exact); null when there was no data
             * @example 76.60
             */
            position_pnl: string | null;
            /**
             * @description Realized PnL of closed trades so far, at the end of the bucket
             * @example 120.50
             */
            realized_pnl: string | null;
            /**
             * @description Start of the bucket (UTC)
             * @example 2026-11-21T12:00:00.000Z
             */
            timestamp: string;
            /**
             * @description Decimal string (exact); null when there was no data
             * @example 165.80
             */
            total_pnl: string | null;
            /**
             * @description Unrealized PnL of the open positions, at the end of the bucket
             * @example 45.30
             */
            unrealized_pnl: string | null;
        };
        PnlSummaryDto: {
            /**
             * @description total_realized / trades
             * @example 30.12
             */
            avg_pnl_per_trade: string | null;
            /**
             * @description Sum of the PnL of the trades closed in the range
             * @example 120.50
             */
            total_realized: string;
            /**
             * @description Unrealized PnL at the newest point of the range
             * @example 45.30
             */
            total_unrealized: string;
            /** @example 4 */
            trades: number;
            /**
             * @description Share of the trades closed in the range with a positive PnL
             * @example 0.7500
             */
            win_rate: string | null;
        };
        PositionDetailResponseDto: {
            asgard: components["schemas"]["AsgardLegDto"];
            /**
             * @description Asgard health factor as a fraction (0.28 = 28%)
             * @example 0.28
             */
            asgard_hf: string;
            /**
             * @example SOL
             * @enum {string}
             */
            asset: "SOL" | "jitoSOL" | "jupSOL" | "INF";
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 12.50
             */
            delta: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 0.0008
             */
            delta_ratio: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 5000.00
             */
            deployed_usd: string;
            freshness: components["schemas"]["DataFreshnessDto"];
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 67.50
             */
            funding_pnl_usd: string;
            /** @example 12.5 */
            hold_duration_hours: number;
            hyperliquid: components["schemas"]["HyperliquidLegDto"];
            /**
             * @description Hyperliquid margin fraction as a fraction
             * @example 0.15
             */
            hyperliquid_mf: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 3.0
             */
            leverage: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 15000.00
             */
            long_value_usd: string;
            /**
             * @description UTC
             * @example 2025-02-04T00:00:00.000Z
             */
            opened_at: string;
            pnl: components["schemas"]["PnlDto"];
            /** @example pos_20250204000001 */
            position_id: string;
            risk: components["schemas"]["RiskDto"];
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 15000.00
             */
            short_value_usd: string;
            sizing: components["schemas"]["SizingDto"];
            /**
             * @example open
             * @enum {string}
             */
            status: "open" | "closing" | "closed";
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 45.30
             */
            total_pnl_usd: string;
        };
        PositionHistoryDto: {
            /** @enum {string|null} */
            asset: "SOL" | "jitoSOL" | "jupSOL" | "INF" | null;
            data_points: components["schemas"]["PositionPointDto"][];
            events: components["schemas"]["PositionLifecycleEventDto"][];
            /**
             * @description Start of the range (inclusive)
             * @example 2026-11-14T12:00:00.000Z
             */
            from: string;
            /**
             * @description The rolling window asked for ("24h", "7d"), or "custom" for from/to
             * @example 7d
             */
            period: string;
            /** @example pos_20250204000001 */
            position_id: string;
            /** @enum {string} */
            resolution: "1min" | "5min" | "1hour" | "1day";
            /**
             * @example UTC
             * @enum {string}
             */
            timezone: "UTC";
            /**
             * @description End of the range (exclusive)
             * @example 2026-11-21T12:00:00.000Z
             */
            to: string;
            /** @description True when the range held more than 2,000 buckets: only the newest 2,000 are answered */
            truncated: boolean;
        };
        PositionLifecycleEventDto: {
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-11-20T08:00:00.000Z
             */
            at: string;
            /** @example funding_flipped */
            reason?: string | null;
            /** @description On closed: the trade */
            trade?: components["schemas"]["TradeDto"];
            /** @enum {string} */
            type: "opened" | "closed";
        };
        PositionPointDto: {
            /**
             * @description Decimal string (exact); null when there was no data
             * @example 0.0008
             */
            delta_ratio: string | null;
            /**
             * @description Asgard health factor at the end of the bucket
             * @example 0.28
             */
            health_factor: string | null;
            /**
             * @description Lowest health factor in the bucket
             * @example 0.27
             */
            health_factor_min: string | null;
            /**
             * @description Hyperliquid margin fraction at the end of the bucket
             * @example 0.33
             */
            margin_fraction: string | null;
            /**
             * @description Lowest margin fraction in the bucket
             * @example 0.31
             */
            margin_fraction_min: string | null;
            /**
             * @description Total PnL at the end of the bucket
             * @example 45.30
             */
            pnl: string | null;
            /**
             * @description Start of the bucket (UTC)
             * @example 2026-11-21T12:00:00.000Z
             */
            timestamp: string;
        };
        PositionsResponseDto: {
            /**
             * @description The bot's state; unavailable: it gives no usable answer
             * @example running
             * @enum {string}
             */
            bot_state: "starting" | "recovering" | "running" | "degraded" | "shutdown" | "unavailable";
            /**
             * @description false while the bot starts or recovers: positions may be missing
             * @example true
             */
            complete: boolean;
            freshness: components["schemas"]["DataFreshnessDto"];
            /** @example The bot is recovering its positions after a restart: this list is incomplete (2 of 3 so far). It is not the full list. */
            note?: string;
            positions: components["schemas"]["PositionSummaryDto"][];
            recovery_progress: components["schemas"]["RecoveryProgressDto"] | null;
            /** @description Of the listed (filtered) positions */
            summary: components["schemas"]["PositionsSummaryDto"];
        };
        PositionsSummaryDto: {
            /** @example 0 */
            closed_positions: number;
            /** @example 0 */
            closing_positions: number;
            /** @example 1 */
            open_positions: number;
            /**
             * @description Exact decimal sum of the listed positions
             * @example 5000.00
             */
            total_deployed_usd: string;
            /**
             * @description Exact decimal sum of the listed positions
             * @example 45.30
             */
            total_pnl_usd: string;
            /** @example 1 */
            total_positions: number;
        };
        PositionSummaryDto: {
            /**
             * @description Asgard health factor as a fraction (0.28 = 28%)
             * @example 0.28
             */
            asgard_hf: string;
            /**
             * @example SOL
             * @enum {string}
             */
            asset: "SOL" | "jitoSOL" | "jupSOL" | "INF";
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 12.50
             */
            delta: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 0.0008
             */
            delta_ratio: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 5000.00
             */
            deployed_usd: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 67.50
             */
            funding_pnl_usd: string;
            /** @example 12.5 */
            hold_duration_hours: number;
            /**
             * @description Hyperliquid margin fraction as a fraction
             * @example 0.15
             */
            hyperliquid_mf: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 3.0
             */
            leverage: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 15000.00
             */
            long_value_usd: string;
            /**
             * @description UTC
             * @example 2025-02-04T00:00:00.000Z
             */
            opened_at: string;
            /** @example pos_20250204000001 */
            position_id: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 15000.00
             */
            short_value_usd: string;
            /**
             * @example open
             * @enum {string}
             */
            status: "open" | "closing" | "closed";
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 45.30
             */
            total_pnl_usd: string;
        };
        PreviewConfigDto: {
            /** @description The fields a PUT would change */
            config: components["schemas"]["ConfigDto"];
        };
        ReadinessDto: {
            /** @description This replica's role; every replica is ready to serve, leader or not */
            cluster: components["schemas"]["ClusterRoleDto"];
            /** @example true */
            ready: boolean;
            /** @example database check failed: connect ECONNREFUSED */
            reason?: string;
        };
        RecoveryCodesDto: {
            /** @description One-time codes; shown once */
            recovery_codes: string[];
        };
        RecoveryProgressDto: {
            /**
             * @description Positions the control center saw before the restart; null if it did not see the bot before
             * @example 3
             */
            positions_expected: number | null;
            /**
             * @description Positions the bot reports so far
             * @example 2
             */
            positions_found: number;
            /** @example 2026-11-21T23:58:00.000Z */
            state_since: string | null;
        };
        RestoreConfigDto: {
            reason: string;
        };
        ResumeDto: {
            api_key?: string;
            /** @example maintenance done */
            reason: string;
        };
        RetentionReportDto: {
            /**
             * @example {
             *       "1min": 14400,
             *       "5min": 2880,
             *       "1hour": 240,
             *       "1day": 10
             *     }
             */
            deleted: Record<string, never>;
            /** @example 5230 */
            duration_ms: number;
            /**
             * @example {
             *       "sqlite_pages": 1200
             *     }
             */
            reclaimed: Record<string, never>;
            /**
             * @example {
             *       "5min": 288,
             *       "1hour": 24,
             *       "1day": 1
             *     }
             */
            rolled_up: Record<string, never>;
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-11-21T03:00:00.000Z
             */
            started_at: string;
        };
        RiskDto: {
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 12.50
             */
            delta: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 0.0008
             */
            delta_ratio: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 0.32
             */
            distance_to_liquidation: string;
            /**
             * @example healthy
             * @enum {string}
             */
            health_status: "healthy" | "at_risk";
        };
        RiskLimitsDto: {
            risk: components["schemas"]["RiskSectionDto"];
        };
        RiskSectionDto: {
            /** @example 3.0 */
            default_leverage?: string;
            /** @example 0.10 */
            health_factor_critical?: string;
            /**
             * @description fraction: 0.20 means 20%
             * @example 0.20
             */
            health_factor_warning?: string;
            /** @example 0.05 */
            margin_fraction_critical?: string;
            /** @example 0.10 */
            margin_fraction_warning?: string;
            /** @example 4.0 */
            max_leverage?: string;
            /** @example 50000 */
            max_position_usd?: string;
            /** @example 1000 */
            min_position_usd?: string;
        };
        SessionDto: {
            created_at: string;
            /** @description The session this request belongs to */
            current: boolean;
            expires_at: string;
            id: string;
            ip: string | null;
            last_used_at: string;
            user_agent: string | null;
        };
        SilenceDto: {
            /** @enum {string|null} */
            alert_type: "funding_flip" | "health_factor_warning" | "health_factor_critical" | "health_factor_emergency" | "delta_drift" | "lst_depeg" | "circuit_breaker" | "position_liquidation" | "chain_outage" | "transaction_failure" | "heartbeat" | "daily_pnl" | "bot_unreachable" | "bot_recovered" | null;
            asset: string | null;
            author: string;
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-12-04T01:59:00.000Z
             */
            created_at: string;
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-12-04T03:00:00.000Z
             */
            ended_at: string | null;
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-12-04T04:00:00.000Z
             */
            ends_at: string;
            id: string;
            position_id: string | null;
            reason: string;
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-12-04T02:00:00.000Z
             */
            starts_at: string;
        };
        SilenceInputDto: {
            /**
             * @description Only this alert type; default every type
             * @enum {string}
             */
            alert_type?: "funding_flip" | "health_factor_warning" | "health_factor_critical" | "health_factor_emergency" | "delta_drift" | "lst_depeg" | "circuit_breaker" | "position_liquidation" | "chain_outage" | "transaction_failure" | "heartbeat" | "daily_pnl" | "bot_unreachable" | "bot_recovered";
            /** @enum {string} */
            asset?: "SOL" | "jitoSOL" | "jupSOL" | "INF";
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-12-04T04:00:00Z
             */
            ends_at: string;
            /** @example pos_20261204000001 */
            position_id?: string;
            /** @example Hyperliquid maintenance window */
            reason: string;
            /**
             * @description Default now
             * @example 2026-12-04T02:00:00Z
             */
            starts_at?: string;
        };
        SizingDto: {
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 10000.00
             */
            borrowed_usd: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 5000.00
             */
            collateral_usd: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 5000.00
             */
            deployed_usd: string;
            /**
             * @description Decimal string, exactly as the bot sent it
             * @example 15000.00
             */
            position_size_usd: string;
        };
        StatsResponseDto: {
            /** @example 0 */
            errors_count: number;
            freshness: components["schemas"]["DataFreshnessDto"];
            /** @example 12 */
            opportunities_found: number;
            /** @example 1 */
            positions_closed: number;
            /** @example 3 */
            positions_opened: number;
            /**
             * @description HH:MM:SS, hours may exceed 24
             * @example 24:00:00
             */
            uptime_formatted: string;
            /** @example 86400 */
            uptime_seconds: number;
        };
        StatusResponseDto: {
            bot: components["schemas"]["BotStatusDto"];
            /** @description Bot extension; null when unsupported or not read yet */
            chains: components["schemas"]["ChainsDto"] | null;
            /**
             * @description false: the bot does not serve chain status; null: not known yet
             * @example true
             */
            chains_supported: boolean | null;
            /** @description Of the stats and the pause state */
            freshness: components["schemas"]["DataFreshnessDto"];
            /** @example The bot is recovering its positions after a restart; the position list is incomplete. */
            note?: string;
            /** @description Last known pause state (see freshness) */
            pause_state: components["schemas"]["PauseStateDto"] | null;
        };
        StepUpDto: {
            password: string;
            /** @example 123456 */
            totp?: string;
        };
        TelegramLinkDto: {
            /**
             * @description The Telegram user id (from.id)
             * @example 123456789
             */
            telegram_user_id: number;
            /**
             * @description The control-center user whose role applies
             * @example alice
             */
            username: string;
        };
        TestAlertDto: {
            /** @example ops-webhook */
            channel: string;
        };
        TestAlertResultDto: {
            /** @example ops-telegram */
            channel: string;
            /** @example null */
            error: string | null;
            /** @description Whether the channel accepted the message */
            ok: boolean;
            /**
             * @description HTTP status of the channel, null when it never answered
             * @example 200
             */
            status: number | null;
        };
        TokenResponseDto: {
            /** @description The access JWT, for Authorization: Bearer */
            access_token: string;
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expires_in: number;
            /** @enum {string} */
            token_type: "bearer";
            user: components["schemas"]["UserDto"];
        };
        TradeDto: {
            /** @enum {string} */
            asset: "SOL" | "jitoSOL" | "jupSOL" | "INF";
            /** @example funding_flipped */
            close_reason: string | null;
            /**
             * @description From the bot’s action log when readable, else when the control center saw it gone
             * @example 2026-11-21T09:30:00.000Z
             */
            closed_at: string;
            /**
             * @description Decimal string (exact)
             * @example 5000.00
             */
            deployed_usd: string;
            /**
             * @description Decimal string (exact)
             * @example 67.50
             */
            funding_pnl_usd: string;
            /** @example 91800 */
            hold_seconds: number;
            /** @example 17 */
            id: number;
            /**
             * @description When the figures below were read
             * @example 2026-11-21T09:30:00.500Z
             */
            last_seen_at: string;
            /**
             * @description Decimal string (exact)
             * @example 3.0
             */
            leverage: string;
            /**
             * @description When the control center saw the position gone
             * @example 2026-11-21T09:30:01.000Z
             */
            observed_at: string;
            /**
             * @description UTC, ISO 8601 with Z
             * @example 2026-11-20T08:00:00.000Z
             */
            opened_at: string;
            /** @example pos_20250204000001 */
            position_id: string;
            /**
             * @description total - funding
             * @example -22.20
             */
            position_pnl_usd: string;
            /** @enum {string} */
            reason_source: "action_log" | "unknown";
            /**
             * @description Realized PnL: the last total PnL seen
             * @example 45.30
             */
            total_pnl_usd: string;
        };
        TradesPageDto: {
            /** @description Pass as cursor for the next page */
            next_cursor: string | null;
            trades: components["schemas"]["TradeDto"][];
        };
        UpdateAlertConfigDto: {
            /** @description admin: replaces every channel defined through the API */
            channels?: components["schemas"]["ChannelDto"][];
            /** @description operator+ */
            rules?: components["schemas"]["AlertRulesDto"];
        };
        UpdateConfigDto: {
            /** @description Spec 3.1 compatibility: an API key may also be sent here */
            api_key?: string;
            /** @description Only the fields to change; the rest stays as the bot has it */
            config: components["schemas"]["ConfigDto"];
            /** @example lower leverage ahead of CPI */
            reason: string;
        };
        UpdateTelegramLinksDto: {
            links: components["schemas"]["TelegramLinkDto"][];
        };
        UpdateUserDto: {
            /** @description false disables the user: sessions, API keys and sockets end within 1 s */
            is_active?: boolean;
            /** @description Sets a new password; the user must change it at next login */
            password?: string;
            /** @enum {string} */
            role?: "viewer" | "operator" | "admin";
        };
        UserDto: {
            /** @example 2026-11-21T23:59:00.000Z */
            created_at: string;
            /** @example 5f0c2b1e-6a8b-4a43-9d8e-2a0f3c9b7d11 */
            id: string;
            is_active: boolean;
            /** @example 2026-11-22T08:00:00.000Z */
            last_login_at: string | null;
            mfa_enabled: boolean;
            must_change_password: boolean;
            /** @enum {string} */
            role: "viewer" | "operator" | "admin";
            /** @example alice */
            username: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AlertsController_one: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AlertsController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AlertsController_config: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertConfigDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AlertsController_updateConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAlertConfigDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertConfigDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AlertsController_deadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"][];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AlertsController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AlertsController_history: {
        parameters: {
            query?: {
                acknowledged?: "true" | "false";
                asset?: "SOL" | "jitoSOL" | "jupSOL" | "INF";
                /** @description The next_cursor of the previous page */
                cursor?: string;
                /** @description Download every matching alert as a streamed file */
                format?: "json" | "csv";
                /** @description Raised at or after (UTC) */
                from?: string;
                limit?: number;
                position_id?: string;
                severity?: "info" | "warning" | "critical";
                /** @description Raised before (UTC) */
                to?: string;
                type?: "funding_flip" | "health_factor_warning" | "health_factor_critical" | "health_factor_emergency" | "delta_drift" | "lst_depeg" | "circuit_breaker" | "position_liquidation" | "chain_outage" | "transaction_failure" | "heartbeat" | "daily_pnl" | "bot_unreachable" | "bot_recovered";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertHistoryDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AlertsController_silences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SilenceDto"][];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AlertsController_addSilence: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SilenceInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SilenceDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AlertsController_endSilence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AlertsController_telegramLinks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelegramLinkDto"][];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AlertsController_putTelegramLinks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTelegramLinksDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelegramLinkDto"][];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AlertsController_test: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestAlertDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestAlertResultDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ApiKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDto"][];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                action?: string;
                /** @description Username or key:<name> */
                actor?: string;
                /** @description The next_cursor of the previous page */
                cursor?: number;
                /** @description Export every matching row as a download */
                format?: "json" | "csv";
                from?: string;
                limit?: number;
                outcome?: "success" | "failure" | "denied" | "attempt" | "unknown";
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                    "text/csv": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerifyDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    MfaController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaDisableDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    MfaController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaCodeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    MfaController_recoveryCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StepUpDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    MfaController_setup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaSetupDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"][];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_stepUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StepUpDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    BackupsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupListDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    BackupsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description A backup is already running (code CONFLICT) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The database is PostgreSQL, backed up by pg_dump (code NOT_SUPPORTED) */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ConfigController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ConfigController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateConfigDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigUpdateResultDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ConfigController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewConfigDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigPreviewDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ConfigController_riskLimits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskLimitsDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ConfigController_versions: {
        parameters: {
            query?: {
                /** @description Versions older than this one */
                before?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigVersionDto"][];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ConfigController_restore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RestoreConfigDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigUpdateResultDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ControlController_emergencyStop: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmergencyStopDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlResultDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ControlController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PauseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlResultDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ControlController_preview: {
        parameters: {
            query: {
                action: "pause" | "resume" | "emergency-stop";
                scope?: "all" | "entry" | "exit" | "asgard" | "hyperliquid";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlPreviewDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ControlController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResumeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlResultDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    HealthController_report: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description healthy or degraded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description unhealthy (the database is down) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "alive";
                    };
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessDto"];
                };
            };
        };
    };
    HistoryController_circuitBreakers: {
        parameters: {
            query?: {
                breaker_type?: "asgard_health" | "hyperliquid_margin" | "negative_apy" | "price_deviation" | "lst_depeg" | "high_gas" | "chain_outage" | "manual";
                /** @description The next_cursor of the previous page (same filters and sort) */
                cursor?: string;
                /** @description Export every matching row (all pages) as a streamed file */
                format?: "json" | "csv";
                /** @description At or after (closed_at of a trade, triggered_at of a breaker) */
                from?: string;
                limit?: number;
                /** @description Before (same field as from) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CircuitBreakersPageDto"];
                    "text/csv": components["schemas"]["CircuitBreakersPageDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    HistoryController_funding: {
        parameters: {
            query?: {
                /** @description One asset; default every asset */
                asset?: "SOL" | "jitoSOL" | "jupSOL" | "INF";
                /** @description Rolling window ending now (Q14: 1 = the last 24 hours). Default 1. */
                days?: number;
                /** @description Download the rows as a streamed file instead of a JSON answer */
                format?: "json" | "csv";
                /** @description Start (inclusive); instead of days */
                from?: string;
                /** @description Default chosen from the range: <= 1 day 1min, <= 7 days 5min, <= 30 days 1hour, longer 1day. At most 2,000 points (the newest). */
                resolution?: "1min" | "5min" | "1hour" | "1day";
                /** @description End (exclusive); default now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundingHistoryDto"];
                    "text/csv": components["schemas"]["FundingHistoryDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    HistoryController_pnl: {
        parameters: {
            query?: {
                /** @description Rolling window ending now (Q14: 1 = the last 24 hours). Default 1. */
                days?: number;
                /** @description Download the rows as a streamed file instead of a JSON answer */
                format?: "json" | "csv";
                /** @description Start (inclusive); instead of days */
                from?: string;
                /** @description Default chosen from the range: <= 1 day 1min, <= 7 days 5min, <= 30 days 1hour, longer 1day. At most 2,000 points (the newest). */
                resolution?: "1min" | "5min" | "1hour" | "1day";
                /** @description End (exclusive); default now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PnlHistoryDto"];
                    "text/csv": components["schemas"]["PnlHistoryDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    HistoryController_runRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionReportDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    HistoryController_trades: {
        parameters: {
            query?: {
                asset?: "SOL" | "jitoSOL" | "jupSOL" | "INF";
                /** @description The next_cursor of the previous page (same filters and sort) */
                cursor?: string;
                /** @description Export every matching row (all pages) as a streamed file */
                format?: "json" | "csv";
                /** @description At or after (closed_at of a trade, triggered_at of a breaker) */
                from?: string;
                limit?: number;
                /** @description Close reason as the bot logged it */
                reason?: string;
                /** @description field[:asc|desc]; field one of closed_at, opened_at, hold_seconds, total_pnl_usd */
                sort?: string;
                /** @description Before (same field as from) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TradesPageDto"];
                    "text/csv": components["schemas"]["TradesPageDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    StatusController_getPauseState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PauseStateResponseDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Bot answers unusable: last known data attached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotUnavailableDto"];
                };
            };
            /** @description Bot unreachable, starting or breaker open: last known data attached */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotUnavailableDto"];
                };
            };
            /** @description Bot too slow: last known data attached */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotUnavailableDto"];
                };
            };
        };
    };
    PositionsController_list: {
        parameters: {
            query?: {
                /** @description Only positions in this asset */
                asset?: "SOL" | "jitoSOL" | "jupSOL" | "INF";
                /** @description field[:asc|desc]; field one of position_id, asset, status, opened_at, hold_duration_hours, leverage, deployed_usd, long_value_usd, short_value_usd, delta, delta_ratio, asgard_hf, hyperliquid_mf, total_pnl_usd, funding_pnl_usd. Decimals compare exactly. */
                sort?: string;
                /** @description Only positions in this status */
                status?: "open" | "closing" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionsResponseDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Bot answers unusable: last known list in cached_data */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotUnavailableDto"];
                };
            };
            /** @description Bot unreachable or breaker open: last known list in cached_data */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotUnavailableDto"];
                };
            };
            /** @description Bot too slow: last known list in cached_data */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotUnavailableDto"];
                };
            };
        };
    };
    PositionsController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionDetailResponseDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The bot reports no such position (code NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Bot answer unusable */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotUnavailableDto"];
                };
            };
            /** @description Bot unreachable, starting or breaker open */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotUnavailableDto"];
                };
            };
            /** @description Bot too slow */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotUnavailableDto"];
                };
            };
        };
    };
    HistoryController_positionHistory: {
        parameters: {
            query?: {
                /** @description Rolling window ending now (Q14: 1 = the last 24 hours). Default 1. */
                days?: number;
                /** @description Download the rows as a streamed file instead of a JSON answer */
                format?: "json" | "csv";
                /** @description Start (inclusive); instead of days */
                from?: string;
                /** @description Default chosen from the range: <= 1 day 1min, <= 7 days 5min, <= 30 days 1hour, longer 1day. At most 2,000 points (the newest). */
                resolution?: "1min" | "5min" | "1hour" | "1day";
                /** @description End (exclusive); default now */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionHistoryDto"];
                    "text/csv": components["schemas"]["PositionHistoryDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Nothing recorded about this position (code NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    StatusController_getStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsResponseDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Bot answers unusable (error or contract violation): last known data attached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotUnavailableDto"];
                };
            };
            /** @description Bot unreachable, starting or breaker open: last known data attached */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotUnavailableDto"];
                };
            };
            /** @description Bot too slow: last known data attached */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotUnavailableDto"];
                };
            };
        };
    };
    StatusController_getStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusResponseDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"][];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    UsersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format 0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role lacks the permission in `x-access` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
}
