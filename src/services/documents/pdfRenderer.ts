import path from 'node:path';
import { threadId, Worker } from 'node:worker_threads';
import { renderPdf, type PdfArguments, type PdfKind } from './pdfRenderers';
import type { PdfJob, PdfJobResult } from './pdfWorkerMain';

/** Where PDFs are laid out: pdfkit is synchronous, 0.3 to 3 s a convention, so not on the event loop that serves requests. */
export interface PdfRenderer {
  render<K extends PdfKind>(kind: K, args: PdfArguments<K>): Promise<Buffer>;
  /** The thread the last PDF was rendered on (the main thread's id when in process). */
  readonly lastThreadId: number | undefined;
  close(): Promise<void>;
}

/** In this thread: for scripts and benchmarks that want the old behaviour. */
export function inProcessPdfRenderer(): PdfRenderer {
  let lastThreadId: number | undefined;
  return {
    async render(kind, args) {
      const bytes = await renderPdf(kind, args);
      lastThreadId = threadId;
      return bytes;
    },
    get lastThreadId() {
      return lastThreadId;
    },
    async close() {},
  };
}

// The worker loads the TypeScript sources as the server does (tsx), whether the server runs under tsx, jest or node.
const extension = path.extname(__filename);
const workerSource = [
  ...(extension === '.ts' ? [`require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();`] : []),
  `require(${JSON.stringify(path.join(__dirname, `pdfWorkerMain${extension}`))});`,
].join('\n');

/**
 * One worker thread, started at the first PDF and kept for the next ones; jobs queue in it. A worker that dies
 * (out of memory, a crash in pdfkit) fails the jobs it had and is started again for the next one. It never keeps
 * the process alive on its own.
 */
export function workerPdfRenderer(): PdfRenderer {
  type Job = { resolve: (bytes: Buffer) => void; reject: (error: Error) => void };
  let current: { worker: Worker; pending: Map<number, Job> } | undefined;
  let nextId = 1;
  let lastThreadId: number | undefined;

  const start = () => {
    const started = { worker: new Worker(workerSource, { eval: true }), pending: new Map<number, Job>() };
    const stopped = (error: Error) => {
      if (current === started) current = undefined;
      for (const job of started.pending.values()) job.reject(error);
      started.pending.clear();
    };
    started.worker.unref();
    started.worker.on('message', (result: PdfJobResult) => {
      const job = started.pending.get(result.id);
      if (!job) return;
      started.pending.delete(result.id);
      if ('error' in result) return job.reject(new Error(`PDF rendering failed: ${result.error}`));
      lastThreadId = result.threadId;
      job.resolve(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
    });
    started.worker.on('error', stopped);
    started.worker.on('exit', (code) => stopped(new Error(`PDF worker stopped (exit code ${code})`)));
    return started;
  };

  return {
    render(kind, args) {
      current ??= start();
      const { worker, pending } = current;
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, kind, args } satisfies PdfJob);
      });
    },
    get lastThreadId() {
      return lastThreadId;
    },
    async close() {
      const running = current;
      current = undefined;
      if (running) await running.worker.terminate();
    },
  };
}
