import type http from 'node:http';
import type { OutboxWorker } from './worker';

const readOnlyMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Mails and LMS post-backs leave right after the change that queued them instead of at the worker's next poll.
 * A use case commits before its controller answers, so once a writing request's response has finished, its
 * outbox rows are visible to the worker; waking it earlier (at enqueue, inside the transaction) would find nothing.
 * Polling stays as the safety net (work queued outside a request, a crash, retries).
 */
export function wakeOutboxAfterWrites(server: http.Server, worker: Pick<OutboxWorker, 'wake'>): void {
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!readOnlyMethods.has(req.method ?? 'GET')) res.once('finish', () => worker.wake());
  });
}
