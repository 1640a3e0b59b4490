import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** The instances behind it (loopback ports); requests go to each in turn. */
  setBackends(ports: number[]): void;
  /** How many requests each backend port was given. */
  readonly served: Map<number, number>;
  close(): Promise<void>;
}

/**
 * A reverse proxy on loopback that sends each request to the next instance in turn, as a load balancer
 * without session affinity does: consecutive requests of one browser land on different processes.
 * A backend that refuses the connection (stopped, restarting) gets a 502, as nginx answers.
 */
export async function startRoundRobinProxy(ports: number[] = []): Promise<RoundRobinProxy> {
  let backends = [...ports];
  let next = 0;
  const served = new Map<number, number>();
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    if (backends.length === 0) return void res.writeHead(502).end('no backend');
    const port = backends[next % backends.length];
    next += 1;
    served.set(port, (served.get(port) ?? 0) + 1);
    const upstream = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end('bad gateway');
      else res.destroy();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setBackends(ports) {
      backends = [...ports];
    },
    served,
    close() {
      agent.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
