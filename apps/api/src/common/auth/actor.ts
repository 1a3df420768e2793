import type { Role } from '@dnb/contracts';
import type { RequestContext } from '../logging/request-context';

/** Who is calling: a signed-in user, an API key, or (when allowed) the bot's own admin key. */
export interface Actor {
  kind: 'user' | 'api_key' | 'bot_key';
  /** User id or API key id. */
  id: string;
  /** Username or API key name, as shown in the audit log and prefixed to bot pause reasons. */
  name: string;
  role: Role;
  /** The session (refresh-token family) behind a JWT. */
  sessionId?: string;
  /** When the user last proved who they are (login or step-up), epoch seconds. */
  authTime?: number;
  /** When the access token expires, epoch seconds. */
  expiresAt?: number;
  /** The user an API key belongs to (its sockets close when that user is disabled). */
  ownerId?: string;
  /** The request (or command) this actor acts through: its correlation id, IP and user agent. */
  request?: RequestContext;
}

/** What the request carries once the authentication guard has run. */
export interface AuthenticatedRequest {
  actor?: Actor;
}
