import { parentPort, threadId } from 'node:worker_threads';
import { renderPdf, type PdfKind } from './pdfRenderers';

export interface PdfJob {
  id: number;
  kind: PdfKind;
  args: unknown[];
}

export type PdfJobResult = { id: number; bytes: Uint8Array; threadId: number } | { id: number; error: string };

/** The render worker: one job at a time, in the order they come; the bytes go back without a copy. */
parentPort!.on('message', (job: PdfJob) => {
  // A renderer that throws before its first await fails this job, not the worker.
  Promise.resolve()
    .then(() => renderPdf(job.kind, job.args as never))
    .then(
      (buffer) => {
        const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        const transferable = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
        parentPort!.postMessage({ id: job.id, bytes, threadId } satisfies PdfJobResult, transferable ? [bytes.buffer as ArrayBuffer] : []);
      },
      (error: unknown) => {
        parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies PdfJobResult);
      },
    );
});
