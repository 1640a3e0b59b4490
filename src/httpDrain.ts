import type http from 'node:http';

export interface HttpDrain {
  /**
   * Stops accepting connections, lets the requests in progress finish (each answered with `Connection: close`),
   * and after `graceMs` cuts whatever is still open. Resolves once every connection is closed.
   */
  drain(graceMs: number): Promise<void>;
  /** Requests started and not yet answered. */
  readonly inFlight: number;
}

/** Counts a server's requests in progress, so shutdown can wait for them rather than cut them. */
export function trackRequests(server: http.Server): HttpDrain {
  const open = new Set<http.ServerResponse>();
  let draining = false;
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    open.add(res);
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => open.delete(res));
  });
  return {
    get inFlight() {
      return open.size;
    },
    drain(graceMs) {
      draining = true;
      for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        // Node 20's close() also ends the idle keep-alive connections at once; busy ones end after their answer.
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
