import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';

/** Most bytes a client may send in one message: actions are tiny. */
const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;

/**
 * Socket.IO servers for the feed: WebSocket only (no long-polling, so replicas need no sticky
 * sessions), no permessage-deflate (measured: about 4x slower fan-out and 4x the memory), small
 * inbound messages. Two servers share the HTTP server (JSON and MessagePack paths): neither may
 * destroy an upgrade meant for the other.
 */
export class FeedIoAdapter extends IoAdapter {
  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      transports: ['websocket'],
      perMessageDeflate: false,
      httpCompression: false,
      maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
      destroyUpgrade: false,
      serveClient: false,
      // CORS does not apply to WebSocket upgrades; FeedAuthService checks the Origin itself.
      cors: undefined,
      connectTimeout: 10_000,
      pingInterval: 25_000,
      pingTimeout: 20_000,
    } as ServerOptions) as Server;
  }
}
