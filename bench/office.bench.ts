import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { sessionCookieName, sessionIdHash } from '../src/middleware/session';
import { openDatabase, type Database, type DatabaseHandle } from '../src/models/database';
import { freePort, spawnPstage, until } from '../test/support/spawnedPstage';
import { seedConventions, type SeedResult } from './seed';

/**
 * The office pages, the search cases, the CSV export and the wizard at a university's scale (issue 19), beside a
 * bare express page measured in the same run. For each size (BENCH_CONVENTIONS, default "10000,100000"; `npm run
 * bench -- --only office --conventions 10000,100000`): a database seeded by bench/seed.ts (PostgreSQL from
 * DATABASE_URL, a database `pstage_bench_N` created there; else PGlite in a temporary folder), Pstage in its own
 * process (NODE_ENV=test: the business clock may be set), autocannon from this one. On PostgreSQL also the statistics
 * page right after a change and the wizard on two instances sharing the database. Prints a table per size, Pstage's
 * memory, and the growth between the first and the last size. Figures, not a test: nothing fails on a slow page.
 */

type Row = {
  name: string;
  connections: number;
  mean: number;
  p50: number;
  p99: number;
  rps: number;
  kib: number;
  errors: number;
  /** Requests completed. */
  requests: number;
  bare?: string;
};

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const sizes = (process.env.BENCH_CONVENTIONS ?? '10000,100000').split(',').map(Number);
/** Which parts to measure: `pages`, `export`, `wizard` (all by default), e.g. BENCH_CASES=wizard while working on it. */
const cases = new Set((process.env.BENCH_CASES ?? 'pages,export,wizard').split(','));
/** A folder where Pstage writes a CPU profile of the run (`node --cpu-prof`), read with Chrome's DevTools. */
const profileDir = process.env.BENCH_CPU_PROFILE;
/** Node's options for the Pstage process (NODE_OPTIONS), e.g. BENCH_NODE_OPTIONS=--max-old-space-size=256 to compare. */
const nodeOptions = process.env.BENCH_NODE_OPTIONS;
const today = process.env.PSTAGE_TODAY ?? new Date().toISOString().slice(0, 10);
/**
 * BENCH_REUSE=1: keep the database `pstage_bench_N` of an earlier run when it was seeded for the same size and day
 * (PostgreSQL only; the seed's result is kept in a table `bench_seed`), instead of seeding again (~1 min at 100 000).
 * The migrations added since are applied when it is opened, as on any start.
 */
const reuse = process.env.BENCH_REUSE === '1';
const root = path.join(__dirname, '..');

async function freshPostgres(serverUrl: string, name: string): Promise<{ url: string; kept: SeedResult | undefined }> {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (reuse && exists.rowCount) {
      const kept = await keptSeed(url.toString());
      if (kept) return { url: url.toString(), kept };
    }
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return { url: url.toString(), kept: undefined };
}

/** The seed's result recorded in the database by an earlier run for this day, if any. */
async function keptSeed(url: string): Promise<SeedResult | undefined> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query<{ result: SeedResult }>(
      `select result from bench_seed where today = $1 and exists (select from information_schema.tables where table_name = 'bench_seed')`,
      [today],
    );
    return found.rows[0]?.result;
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}

async function addSession(db: Database, data: Record<string, unknown> & { userId: number }): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const now = new Date();
  await db.execute(
    sql`insert into sessions (id, user_id, data, created_at, expires_at) values (${sessionIdHash(token)}, ${data.userId}, ${JSON.stringify({ locale: 'fr', programmeId: null, csrfToken: randomBytes(16).toString('hex'), ...data })}::jsonb, ${now.toISOString()}, ${new Date(now.getTime() + 7 * 3600_000).toISOString()})`,
  );
  return `${sessionCookieName}=${token}`;
}

/** An office user with its grant and session, and a session for each of `students` students owning a current draft. */
async function sessions(db: Database, students: number) {
  const inserted = (await db.execute(
    sql`insert into users (iss, sub, name) values ('https://seed.example', ${`bench-office-${Date.now()}`}, 'Bureau des stages') returning id`,
  )) as unknown as { rows: { id: number }[] };
  const officeUserId = Number(inserted.rows[0].id);
  await db.execute(sql`insert into office_grants (user_id, reason) values (${officeUserId}, 'bench')`);
  const office = await addSession(db, { userId: officeUserId, office: true, student: false, activeRole: 'office' });
  const drafts = (await db.execute(
    sql`select distinct on (student_user_id) id, student_user_id, programme_id from conventions
        where state = 'draft' and start_date is not null order by student_user_id, id desc limit ${students}`,
  )) as unknown as { rows: { id: number; student_user_id: number; programme_id: number }[] };
  const wizard: { cookie: string; conventionId: number }[] = [];
  for (const draft of drafts.rows) {
    wizard.push({
      cookie: await addSession(db, {
        userId: Number(draft.student_user_id),
        office: false,
        student: true,
        activeRole: 'student',
        programmeId: Number(draft.programme_id),
      }),
      conventionId: Number(draft.id),
    });
  }
  return { office, wizard };
}

/** The "next" link a user reaches page `page` of the internship database by (keyset cursor of the row before). */
async function deepCursor(db: Database, page: number): Promise<string> {
  const found = (await db.execute(
    sql`select start_date::text as start_date, id from conventions where state <> 'draft' order by start_date desc, id desc offset ${(page - 1) * 50 - 1} limit 1`,
  )) as unknown as { rows: { start_date: string | null; id: number }[] };
  const row = found.rows[0];
  return row ? `&after=${row.start_date ?? ''}_${row.id}` : '';
}

function startBare(port: number) {
  const loader = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, path.join(__dirname, 'office', 'bareExpress.ts')], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let ready = false;
  child.stdout.on('data', (chunk: Buffer) => (ready ||= chunk.toString().includes('ready')));
  return {
    ready: () => until('the bare express server', () => ready, 20_000),
    stop: () =>
      new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}

async function load(
  name: string,
  url: string,
  connections: number,
  options: { cookie?: string; requests?: autocannon.Request[]; duration?: number } = {},
): Promise<Row> {
  const run = (limits: { duration: number } | { amount: number; timeout: number }) =>
    autocannon({ url, connections, headers: options.cookie ? { cookie: options.cookie } : {}, requests: options.requests, ...limits });
  let result = await run({ duration: options.duration ?? seconds });
  // A page slower than the duration completes too few requests to measure (autocannon drops those in flight):
  // measured again over a fixed number of requests, however long they take.
  if (result.requests.total < connections * 2) result = await run({ amount: connections * 2, timeout: 120 });
  const total = result.requests.total || 1;
  return {
    name,
    connections,
    mean: Math.round(result.latency.mean * 100) / 100,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    kib: Math.round(result.throughput.total / total / 102.4) / 10,
    errors: result.non2xx + result.errors + result.timeouts,
    requests: result.requests.total,
  };
}

/** The whole file, `times` times one after the other: the median duration and the size. */
async function download(url: string, cookie: string | undefined, times: number) {
  const durations: number[] = [];
  let bytes = 0;
  let status = 0;
  for (let index = 0; index < times; index++) {
    const started = performance.now();
    const response = await fetch(url, { headers: cookie ? { cookie } : {} });
    status = response.status;
    bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  return { ms: Math.round(durations[Math.floor(times / 2)]), bytes, status };
}

async function benchSize(conventions: number) {
  const serverUrl = process.env.DATABASE_URL;
  let folder: string | undefined;
  let env: Record<string, string>;
  let handle: DatabaseHandle;
  let kept: SeedResult | undefined;
  if (serverUrl) {
    const fresh = await freshPostgres(serverUrl, `pstage_bench_${conventions}`);
    const url = fresh.url;
    kept = fresh.kept;
    handle = await openDatabase({ kind: 'postgres', url, max: 2 });
    env = { DATABASE_URL: url };
  } else {
    folder = mkdtempSync(path.join(os.tmpdir(), 'pstage-bench-'));
    handle = await openDatabase({ kind: 'pglite', dataDir: path.join(folder, 'pglite') });
    env = { DATA_DIR: folder };
  }
  let seed: SeedResult;
  let cookies: Awaited<ReturnType<typeof sessions>>;
  let deepAfter: string;
  const deepPage = Math.max(2, Math.floor(conventions / 50 / 2));
  try {
    if (kept) seed = kept;
    else {
      seed = await seedConventions(handle.db, { conventions, today });
      if (serverUrl) {
        await handle.db.execute(sql`create table if not exists bench_seed (today text primary key, result jsonb not null)`);
        await handle.db.execute(sql`insert into bench_seed (today, result) values (${today}, ${JSON.stringify(seed)}::jsonb)`);
      }
    }
    cookies = await sessions(handle.db, 50);
    deepAfter = await deepCursor(handle.db, deepPage);
  } finally {
    await handle.close();
  }
  console.error(`${kept ? 'kept the database of' : 'seeded'} ${conventions} conventions in ${seed.seconds} s (${handle.kind})`);
  /** A Pstage process on the bench's database. */
  const startPstage = (port: number) =>
    spawnPstage(
      {
        ...env,
        NODE_ENV: 'test',
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        DEV_PLATFORM: 'false',
        LOG_LEVEL: 'warn',
        PSTAGE_TODAY: today,
        ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
      },
      {
        port,
        startTimeoutMs: 120_000,
        nodeArguments: [
          // The probe answers SIGUSR2 with the heap in use after a full collection (bench/heapProbe.cjs).
          '--expose-gc',
          '--require',
          path.join(__dirname, 'heapProbe.cjs'),
          ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
        ],
      },
    );
  const port = await freePort();
  const pstage = await startPstage(port);

  const barePort = await freePort();
  const bare = startBare(barePort);
  await bare.ready();
  const base = `http://127.0.0.1:${port}`;
  const barePage = `http://127.0.0.1:${barePort}/page`;
  const office = cookies.office;
  const currentYear = (Number(today.slice(5, 7)) >= 9 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1).toString();
  const year = `${currentYear}-${Number(currentYear) + 1}`;
  const pages: [string, string][] = [
    ['office dashboard', '/office'],
    ['control queue', '/office/conventions'],
    ['queue searched by student name', `/office/conventions?q=${encodeURIComponent(seed.sample.studentLastName)}`],
    ['queue searched by student number', `/office/conventions?q=${seed.sample.studentNumber}`],
    ['queue searched by host', `/office/conventions?q=${encodeURIComponent(seed.sample.hostName)}`],
    ['internship database, page 1', '/office/internships'],
    ['internship database, deep page by number', `/office/internships?page=${deepPage}`],
    ['internship database, deep page by next link', `/office/internships?page=${deepPage}${deepAfter}`],
    ['statistics for a year', `/office/statistics?year=${year}`],
  ];
  const rows: Row[] = [];
  let memory: Memory | undefined;
  let wizardMix: ((students: typeof cookies.wizard) => autocannon.Request[]) | undefined;
  let singleWizardRps: number | undefined;
  try {
    // One warm-up request per page: the first render compiles templates, the first query warms the caches.
    for (const [, page] of pages) await download(`${base}${page}`, office, 1);
    for (const connections of cases.has('pages') ? [1, 10] : []) {
      const bareRow = await load('bare express page', barePage, connections);
      rows.push(bareRow);
      for (const [name, page] of pages) {
        const row = await load(name, `${base}${page}`, connections, { cookie: office });
        rows.push({ ...row, bare: `${(row.mean / Math.max(bareRow.mean, 0.01)).toFixed(0)}×` });
      }
    }
    if (cases.has('pages') && serverUrl) {
      // The statistics are kept until something they are computed from changes: each of these requests follows a
      // change to a filed convention of the year (a statement on conventions, the triggers append the change), so
      // each one computes the year's figures again. On PostgreSQL only (PGlite's folder is the server's).
      rows.push(
        await afterEachChange(
          'statistics for a year, each after a change',
          `${base}/office/statistics?year=${year}`,
          office,
          env.DATABASE_URL,
          year,
        ),
      );
    }
    if (cases.has('export')) {
      const csv = await download(`${base}/office/internships/export.csv`, office, 3);
      const bareCsv = await download(`http://127.0.0.1:${barePort}/bytes?n=${csv.bytes}`, undefined, 3);
      rows.push({
        name: `CSV export (${Math.round(csv.bytes / 1024)} KiB, status ${csv.status})`,
        connections: 1,
        mean: csv.ms,
        p50: csv.ms,
        p99: csv.ms,
        rps: 0,
        kib: Math.round(csv.bytes / 1024),
        errors: csv.status === 200 ? 0 : 1,
        requests: 3,
        bare: `${(csv.ms / Math.max(bareCsv.ms, 1)).toFixed(0)}× (bare ${bareCsv.ms} ms)`,
      });
    }
    if (cases.has('wizard')) {
      const steps = ['personal', 'internship', 'leave', 'recap'];
      /** Each student's four steps in turn, the students one after the other. */
      wizardMix = (students: typeof cookies.wizard): autocannon.Request[] => {
        let next = 0;
        return [
          {
            setupRequest: (request) => {
              const student = students[next % students.length];
              const step = steps[Math.floor(next / students.length) % steps.length];
              next++;
              return { ...request, path: `/student/conventions/${student.conventionId}/${step}`, headers: { cookie: student.cookie } };
            },
          },
        ];
      };
      const wizardRequests = wizardMix(cookies.wizard);
      const bareForm = await load('bare express form', `http://127.0.0.1:${barePort}/form`, 50);
      rows.push(bareForm);
      if (dumpDir) await dumpWizardPages(base, cookies.wizard.slice(0, 5), steps);
      const cpuBefore = cpuMs(pstage.child.pid);
      const wizard = await load(`wizard steps, ${cookies.wizard.length} students at once`, `${base}/`, 50, { requests: wizardRequests });
      const cpuPerRequest = (cpuMs(pstage.child.pid) - cpuBefore) / Math.max(wizard.requests, 1);
      singleWizardRps = wizard.rps;
      rows.push({
        ...wizard,
        bare: `${(wizard.mean / Math.max(bareForm.mean, 0.01)).toFixed(0)}×, ${((wizard.rps / Math.max(bareForm.rps, 1)) * 100).toFixed(1)} % of its req/s, Pstage CPU ${cpuPerRequest.toFixed(1)} ms/request`,
      });
    }
    const resident = residentMemory(pstage.child.pid);
    if (resident && pstage.child.pid) {
      process.kill(pstage.child.pid, 'SIGUSR2');
      const probed = () => /^\{"heapProbe":.*\}$/m.exec(pstage.output())?.[0];
      await until('the heap probe', () => probed() !== undefined, 30_000);
      memory = { ...resident, afterGc: (JSON.parse(probed()!) as { heapProbe: Memory['afterGc'] }).heapProbe };
    }
    if (cases.has('wizard') && serverUrl && wizardMix) {
      // A second instance on the same database, each serving half the students (sessions are in the database, so
      // either could serve any): the same 50 connections as the single instance above, 25 on each.
      const secondPort = await freePort();
      const second = await startPstage(secondPort);
      try {
        const half = Math.ceil(cookies.wizard.length / 2);
        const name = `wizard steps, ${cookies.wizard.length} students at once`;
        const both = (duration?: number) =>
          Promise.all([
            load(name, `${base}/`, half, { requests: wizardMix!(cookies.wizard.slice(0, half)), duration }),
            load(name, `http://127.0.0.1:${secondPort}/`, cookies.wizard.length - half, {
              requests: wizardMix!(cookies.wizard.slice(half)),
              duration,
            }),
          ]);
        // The second instance has just started (nothing compiled by V8 yet, no statement prepared): the same load for
        // half the time first, not measured, as the first instance had the pages before.
        await both(Math.max(1, seconds / 2));
        const [first, other] = await both();
        const requests = first.requests + other.requests;
        rows.push({
          name: `${name}, two instances (p50 and p99 of the slower)`,
          connections: first.connections + other.connections,
          mean: Math.round(((first.mean * first.requests + other.mean * other.requests) / Math.max(requests, 1)) * 100) / 100,
          p50: Math.max(first.p50, other.p50),
          p99: Math.max(first.p99, other.p99),
          rps: first.rps + other.rps,
          kib: first.kib,
          errors: first.errors + other.errors,
          requests,
          bare: singleWizardRps ? `${((first.rps + other.rps) / singleWizardRps).toFixed(2)}× one instance's req/s` : undefined,
        });
      } finally {
        await second.stop();
      }
    }
  } finally {
    await pstage.stop();
    await bare.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
  return { conventions, seed, rows, kind: handle.kind, memory };
}

/** `times` requests one after the other, each right after a no-op update of one filed convention of `year`. */
async function afterEachChange(name: string, url: string, cookie: string, databaseUrl: string, year: string, times = 30): Promise<Row> {
  const handle = await openDatabase({ kind: 'postgres', url: databaseUrl, max: 1 });
  const durations: number[] = [];
  let errors = 0;
  let bytes = 0;
  try {
    const [filed] = (
      (await handle.db.execute(
        sql`select id from conventions where academic_year = ${year} and state <> 'draft' order by id limit 1`,
      )) as unknown as { rows: { id: number }[] }
    ).rows;
    for (let index = 0; index < times; index++) {
      await handle.db.execute(sql`update conventions set state = state where id = ${filed.id}`);
      const started = performance.now();
      const response = await fetch(url, { headers: { cookie } });
      bytes += (await response.arrayBuffer()).byteLength;
      durations.push(performance.now() - started);
      if (response.status !== 200) errors++;
    }
  } finally {
    await handle.close();
  }
  durations.sort((a, b) => a - b);
  const at = (quantile: number) => Math.round(durations[Math.min(durations.length - 1, Math.floor(quantile * durations.length))]);
  const mean = durations.reduce((sum, duration) => sum + duration, 0) / durations.length;
  return {
    name,
    connections: 1,
    mean: Math.round(mean * 100) / 100,
    p50: at(0.5),
    p99: at(0.99),
    rps: 0,
    kib: Math.round(bytes / times / 102.4) / 10,
    errors,
    requests: times,
  };
}

/** CPU time (user + system) the process has used so far, in ms, from /proc (Linux; 0 elsewhere). */
function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (1/100 s).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** BENCH_DUMP_DIR: each step of a few students' drafts written there, to compare two versions' pages. */
const dumpDir = process.env.BENCH_DUMP_DIR;
async function dumpWizardPages(base: string, students: { cookie: string; conventionId: number }[], steps: string[]) {
  mkdirSync(dumpDir!, { recursive: true });
  for (const [index, student] of students.entries())
    for (const step of steps) {
      const response = await fetch(`${base}/student/conventions/${student.conventionId}/${step}`, { headers: { cookie: student.cookie } });
      writeFileSync(path.join(dumpDir!, `${index}-${step}.html`), `${response.status}\n${await response.text()}`);
    }
}

type Memory = { rssMib: number; peakMib: number; afterGc: { heapUsedMb: number; rssMb: number } };

/** Pstage's resident memory after the load, and its peak, from /proc (Linux), in MiB. */
function residentMemory(pid: number | undefined): { rssMib: number; peakMib: number } | undefined {
  if (!pid) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMib: Math.round(kib('VmRSS') / 1024), peakMib: Math.round(kib('VmHWM') / 1024) };
  } catch {
    return undefined;
  }
}

function printTable(title: string, rows: Row[]): void {
  const lines = [
    ['page', 'conn', 'mean ms', 'p50 ms', 'p99 ms', 'req/s', 'KiB/resp', 'errors', 'ratio to bare (mean)'],
    ...rows.map((row) => [
      row.name,
      String(row.connections),
      String(row.mean),
      String(row.p50),
      String(row.p99),
      String(row.rps),
      String(row.kib),
      String(row.errors),
      row.bare ?? '',
    ]),
  ];
  console.log(`\n### ${title}\n`);
  console.log(`| ${lines[0].join(' | ')} |`);
  console.log(`|${lines[0].map(() => '---').join('|')}|`);
  for (const line of lines.slice(1)) console.log(`| ${line.join(' | ')} |`);
}

export default async function officeBench() {
  const results = [];
  const figures: Record<string, number | string> = {};
  for (const size of sizes) {
    const result = await benchSize(size);
    printTable(
      `${result.conventions} conventions on ${result.kind} (seeded in ${result.seed.seconds} s), ${seconds} s per case`,
      result.rows,
    );
    if (result.memory) {
      const { rssMib, peakMib, afterGc } = result.memory;
      console.log(
        `\nPstage's resident memory after the load: ${rssMib} MiB (peak ${peakMib} MiB); after a full garbage collection, ${afterGc.heapUsedMb} MiB of heap in use and ${afterGc.rssMb} MiB resident`,
      );
      figures[`${result.conventions} Pstage RSS after the load MiB (peak)`] = `${rssMib} (${peakMib})`;
      figures[`${result.conventions} Pstage heap in use / RSS after a full GC MiB`] = `${afterGc.heapUsedMb} / ${afterGc.rssMb}`;
    }
    results.push(result);
  }
  const first = results[0];
  const last = results[results.length - 1];
  for (const result of results)
    for (const row of result.rows) figures[`${result.conventions} ${row.name} @${row.connections} p50/p99 ms`] = `${row.p50}/${row.p99}`;
  if (results.length > 1) {
    console.log(
      `\n### Growth from ${first.conventions} to ${last.conventions} conventions (mean latency at the last size / at the first)\n`,
    );
    console.log('| page | conn | growth |\n|---|---|---|');
    first.rows.forEach((row, index) => {
      const later = last.rows[index];
      const growth = `${(later.mean / Math.max(row.mean, 0.01)).toFixed(2)}×`;
      console.log(`| ${row.name} | ${row.connections} | ${growth} |`);
      figures[`growth ${row.name} @${row.connections}`] = growth;
    });
  }
  return { name: 'office pages at scale', figures };
}
