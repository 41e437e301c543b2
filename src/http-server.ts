import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP endpoint a channel needs (Slack events, Telegram webhook). */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

/** A channel that receives over HTTP exposes its routes. */
export interface HasHttpRoutes {
  httpRoutes(): HttpRoute[];
}

/** True when a channel wants HTTP routes. */
export function hasHttpRoutes(c: object): c is HasHttpRoutes {
  return typeof (c as Partial<HasHttpRoutes>).httpRoutes === 'function';
}

/** The one HTTP server (PORT): channel routes plus GET /healthz. */
export async function startHttpServer(port: number, routes: HttpRoute[], host = '0.0.0.0'): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    const route = routes.find((r) => r.method === req.method && r.path === path);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    Promise.resolve(route.handle(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
