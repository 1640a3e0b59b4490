import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { count, eq } from 'drizzle-orm';
import { Client } from 'pg';
import { openDatabase } from '../src/models/database';
import { conventions } from '../src/models/schema';
import { SmtpTestServer } from '../test/mail/support/smtpTestServer';
import { registerLms, startExternalLms } from '../test/support/externalLms';
import { freePort, spawnPstage } from '../test/support/spawnedPstage';
import { linearTrend, percentile, SoakStats } from './soak/stats';
import { simulateOfficeUser, simulateStudent, type SoakContext } from './soak/users';

/**
 * `npm run soak`: simulated students and office users against one Pstage process on PostgreSQL, over loopback,
 * for a bounded time. Not part of the test suite. Needs DATABASE_URL (a PostgreSQL server: the soak creates
 * and empties the database `pstage_soak` there). The LMS (the development platform) and the SMTP server run
 * in this process; Pstage runs as production does (its own process, outbox worker and scheduler on).
 */
const usage = 'DATABASE_URL=postgres://… npm run soak -- [--duration 300] [--warmup 60] [--students 200] [--office 5] [--think-ms 2000]';

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: process.env.SOAK_DURATION_SECONDS ?? '300' },
      warmup: { type: 'string' },
      students: { type: 'string', default: '200' },
      office: { type: 'string', default: '5' },
      'think-ms': { type: 'string', default: '2000' },
    },
  });
  const durationSeconds = Number(values.duration);
  return {
    durationSeconds,
    warmupSeconds: Number(values.warmup ?? Math.min(60, Math.round(durationSeconds / 5))),
    students: Number(values.students),
    office: Number(values.office),
    thinkMs: Number(values['think-ms']),
  };
}

/** The soak's own database on the server of DATABASE_URL, created empty. */
async function soakDatabaseUrl(serverUrl: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('drop database if exists pstage_soak with (force)');
    await admin.query('create database pstage_soak');
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = '/pstage_soak';
  return url.toString();
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 102.4) / 10 : Number.NaN;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '))
    .join('\n');
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error(`The soak needs a PostgreSQL server.\n${usage}`);
    process.exit(2);
  }
  const settings = options();
  const databaseUrl = await soakDatabaseUrl(serverUrl);
  const port = await freePort();
  const toolUrl = `http://127.0.0.1:${port}`;
  const lms = await startExternalLms(toolUrl);
  const smtp = new SmtpTestServer();
  await smtp.start();
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl, max: 4 });
  await registerLms(databaseUrl, toolUrl, lms);
  const pstage = await spawnPstage(
    {
      DATABASE_URL: databaseUrl,
      PUBLIC_BASE_URL: toolUrl,
      DEV_PLATFORM: 'false',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      MAIL_FROM: 'Pstage <no-reply@univ.example.fr>',
      OFFICE_EMAIL: 'stages@univ.example.fr',
      // Every simulated user comes from 127.0.0.1, as a lecture hall behind one NAT would.
      LAUNCH_RATE_LIMIT: '100000',
      LOG_LEVEL: 'warn',
    },
    // The probe answers SIGUSR2 with the heap in use after a full collection: what a leak makes grow.
    { port, nodeArguments: ['--expose-gc', '--require', path.join(__dirname, 'heapProbe.cjs')] },
  );
  const pid = pstage.child.pid!;
  const heapAfterGc: number[] = [];
  pstage.child.stderr.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.startsWith('{"heapProbe"'))
        heapAfterGc.push((JSON.parse(line) as { heapProbe: { heapUsedMb: number } }).heapProbe.heapUsedMb);
    }
  });
  const stats = new SoakStats();
  const startedAt = Date.now();
  const endsAt = startedAt + settings.durationSeconds * 1000;
  const context: SoakContext = { toolUrl, lms, database, stats, thinkMs: settings.thinkMs, over: () => Date.now() >= endsAt };
  console.log(
    `Soak: ${settings.students} students and ${settings.office} office users for ${settings.durationSeconds} s (warm-up ${settings.warmupSeconds} s, think time ~${settings.thinkMs} ms) against one Pstage (pid ${pid}) on PostgreSQL, ${toolUrl}`,
  );
  const sample = () => {
    stats.memory.push({ atSeconds: Math.round((Date.now() - startedAt) / 1000), rssMb: rssMb(pid), heapIndex: heapAfterGc.length });
    process.kill(pid, 'SIGUSR2');
  };
  const sampler = setInterval(sample, 5_000);
  sample();
  // The users arrive over the first part of the warm-up, not all in the same millisecond.
  const rampMs = (settings.warmupSeconds * 1000) / 2;
  const users = [
    ...Array.from({ length: settings.students }, (_, index) =>
      new Promise((resolve) => setTimeout(resolve, (rampMs * index) / settings.students)).then(() => simulateStudent(context, index + 1)),
    ),
    ...Array.from({ length: settings.office }, (_, index) => simulateOfficeUser(context, index + 1)),
  ];
  await Promise.all(users);
  clearInterval(sampler);
  sample();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const elapsedSeconds = (Date.now() - startedAt) / 1000;
  const exitCode = await pstage.stop();
  const [{ submitted }] = await database.db.select({ submitted: count() }).from(conventions).where(eq(conventions.state, 'submitted'));

  const rows = [['route kind', 'requests', 'errors', 'p50 ms', 'p99 ms', 'max ms']];
  for (const [kind, list] of [...stats.latencies].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => a - b);
    rows.push([
      kind,
      String(list.length),
      String(stats.errors.get(kind) ?? 0),
      percentile(sorted, 0.5).toFixed(0),
      percentile(sorted, 0.99).toFixed(0),
      sorted.at(-1)!.toFixed(0),
    ]);
  }
  for (const [kind, errors] of stats.errors) if (!stats.latencies.has(kind)) rows.push([kind, '-', String(errors), '-', '-', '-']);
  console.log(
    `\n${stats.requestCount} requests to Pstage in ${elapsedSeconds.toFixed(0)} s (${(stats.requestCount / elapsedSeconds).toFixed(1)}/s), ${stats.errorCount} errors; ${submitted} conventions submitted; ${smtp.messages.length} mails and ${lms.scorePosts.length} post-backs received\n`,
  );
  console.log(table(rows));
  if (stats.examples.length > 0) console.log(`\nErrors (first ${stats.examples.length}):\n  ${stats.examples.join('\n  ')}`);
  const samples = stats.memory.map((memory) => ({ ...memory, heapMb: heapAfterGc[memory.heapIndex] ?? Number.NaN }));
  console.log(
    `\nMemory of the Pstage process (MB, RSS / heap in use after a full GC): ${samples.map((memory) => `${memory.atSeconds}s ${memory.rssMb}/${memory.heapMb}`).join(', ')}`,
  );
  const afterWarmup = samples.filter((memory) => memory.atSeconds >= settings.warmupSeconds && Number.isFinite(memory.heapMb));
  const describeTrend = (name: string, pick: (memory: (typeof samples)[number]) => number) => {
    const trend = linearTrend(afterWarmup.map((memory) => ({ x: memory.atSeconds / 60, y: pick(memory) })));
    const first = afterWarmup[0] ? pick(afterWarmup[0]) : Number.NaN;
    const last = afterWarmup.at(-1) ? pick(afterWarmup.at(-1)!) : Number.NaN;
    return `${name} ${trend.slope >= 0 ? '+' : ''}${trend.slope.toFixed(1)} MB/min (r² ${trend.r2.toFixed(2)}, ${first} → ${last} MB)`;
  };
  console.log(
    `After warm-up (${afterWarmup.length} samples): ${describeTrend('heap after GC', (memory) => memory.heapMb)}; ${describeTrend('RSS', (memory) => memory.rssMb)}`,
  );
  console.log(`Pstage stopped with exit code ${exitCode} (SIGTERM).`);
  await database.close();
  await smtp.stop();
  await lms.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
