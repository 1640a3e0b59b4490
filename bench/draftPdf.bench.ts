import type { AddressInfo } from 'node:net';
import express from 'express';
import { renderConventionPdf } from '../src/documents/conventionPdf';
import { openDatabase } from '../src/models/database';
import { cachedPdf } from '../src/services/documents/pdfCache';
import { workerPdfRenderer } from '../src/services/documents/pdfRenderer';
import { sampleConvention } from '../test/documents/conventionFixture';

const drafts = 6;
const pingEveryMs = 20;

const draftData = (n: number) => sampleConvention({ reference: `CONV-2026-${String(n).padStart(6, '0')}` });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const round = (value: number) => Number(value.toFixed(1));

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

/** Requests `paths` one after the other while another client pings the server; what each side waited. */
async function underLoad(base: string, paths: string[]) {
  const pings: number[] = [];
  let running = true;
  const pinger = (async () => {
    while (running) {
      pings.push(await timed(`${base}/ping`));
      await new Promise((resolve) => setTimeout(resolve, pingEveryMs));
    }
  })();
  const times: number[] = [];
  for (const path of paths) times.push(await timed(`${base}${path}`));
  running = false;
  await pinger;
  return { perDraft: times.reduce((sum, time) => sum + time, 0) / times.length, worstPing: Math.max(...pings), pings };
}

/**
 * A draft convention PDF asked for over HTTP, the way Pstage served it before (laid out on the event loop at
 * every request) and now (laid out in a worker thread, kept in the database until its data changes), while
 * another client pings the same server: the ping alone is the baseline, in the same run.
 */
export default async function draftPdfBench(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const database = await openDatabase({ kind: 'pglite' });
  const renderer = workerPdfRenderer();
  const app = express();
  app.get('/ping', (_req, res) => res.send('ok'));
  app.get('/before/:n', async (req, res) => {
    res.type('pdf').send(await renderConventionPdf(draftData(Number(req.params.n)), { draft: true }));
  });
  app.get('/after/:n', async (req, res) => {
    const n = Number(req.params.n);
    res.type('pdf').send(await cachedPdf(database.db, renderer, `convention-draft:${n}`, 'convention', [draftData(n), { draft: true }]));
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // Warm-up: fonts, JIT, the worker's start-up and the first query.
    await timed(`${base}/before/0`);
    await timed(`${base}/after/0`);
    const baseline: number[] = [];
    for (let index = 0; index < 50; index++) baseline.push(await timed(`${base}/ping`));
    const numbers = Array.from({ length: drafts }, (_, index) => index + 1);
    const before = await underLoad(
      base,
      numbers.map((n) => `/before/${n}`),
    );
    const changed = await underLoad(
      base,
      numbers.map((n) => `/after/${n}`),
    );
    const unchanged = await underLoad(
      base,
      numbers.map(() => `/after/1`),
    );
    return {
      name: `${drafts} draft convention PDFs over HTTP, a client pinging the same server`,
      figures: {
        'baseline: ping alone, median ms': round(median(baseline)),
        'before (on the event loop): ms per draft': Math.round(before.perDraft),
        'before: slowest ping ms': Math.round(before.worstPing),
        'after, draft changed (worker): ms per draft': Math.round(changed.perDraft),
        'after, draft changed: slowest ping ms': Math.round(changed.worstPing),
        'after, draft unchanged (stored): ms per draft': round(unchanged.perDraft),
        'slowest ping, before / after': round(before.worstPing / Math.max(changed.worstPing, unchanged.worstPing)),
        'unchanged draft, before / after': round(before.perDraft / unchanged.perDraft),
      },
    };
  } finally {
    server.close();
    await renderer.close();
    await database.close();
  }
}
