import type { DatabaseHandle } from '../../src/models/database';
import type { BrowserlessClient } from '../../test/support/browserlessClient';
import type { ExternalLms } from '../../test/support/externalLms';
import { submitConventionAsStudent } from '../../test/support/studentJourney';
import type { SoakStats } from './stats';
import { SoakOver, TimedClient } from './timedClient';

export interface SoakContext {
  toolUrl: string;
  lms: ExternalLms;
  database: DatabaseHandle;
  stats: SoakStats;
  thinkMs: number;
  over: () => boolean;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A launch from the LMS with a timed client; the landing page must answer 200. */
async function launch(context: SoakContext, persona: string, link: string) {
  const client = new TimedClient(context.toolUrl, context.stats, { thinkMs: context.thinkMs, over: context.over });
  const page = await client.follow(context.lms.platform.launchUrlFor(persona, link));
  if (page.status !== 200) throw new Error(`launch of ${persona}: ${page.status}`);
  return { client, page };
}

/** Runs `scenario` again and again until the time is up; a failed round is an error of `name`, then a fresh start. */
async function repeatUntilOver(context: SoakContext, name: string, scenario: () => Promise<void>): Promise<void> {
  while (!context.over()) {
    try {
      await scenario();
    } catch (error) {
      if (error instanceof SoakOver) return;
      context.stats.error(name, error instanceof Error ? error.message : String(error));
      await pause(1_000);
    }
  }
}

/**
 * A student of M1 Informatique: launches, proposes a subject, fills the whole convention wizard and submits it,
 * then comes back to their pages now and then (home, the convention, its draft PDF), relaunching from the LMS sometimes.
 */
export async function simulateStudent(context: SoakContext, index: number): Promise<void> {
  const persona = `m1-student-${index}`;
  const target = {
    database: context.database,
    launch: (personaId: string, linkId: string) => launch(context, personaId, linkId),
  };
  await repeatUntilOver(context, 'student journey', async () => {
    const submitted = await submitConventionAsStudent(target, { persona });
    const { convention } = submitted;
    let client: BrowserlessClient = submitted.client;
    for (let round = 1; !context.over(); round += 1) {
      if (round % 20 === 0) ({ client } = await launch(context, persona, 'm1-info'));
      await expectOk(client, '/student');
      await expectOk(client, `/student/conventions/${convention.id}`);
      if (round % 10 === 0) await expectOk(client, `/documents/conventions/${convention.id}/convention.pdf`);
    }
  });
}

/** An office member: the dashboard, the control queue, a convention, the internship database and its export, statistics. */
export async function simulateOfficeUser(context: SoakContext, index: number): Promise<void> {
  await repeatUntilOver(context, 'office session', async () => {
    const { client } = await launch(context, `office-${index}`, 'office');
    for (let round = 1; !context.over(); round += 1) {
      await expectOk(client, '/office');
      const queue = await expectOk(client, '/office/conventions');
      const ids = [...queue.text.matchAll(/href="\/office\/conventions\/(\d+)"/g)].map((match) => match[1]);
      if (ids.length > 0) await expectOk(client, `/office/conventions/${ids[Math.floor(Math.random() * ids.length)]}`);
      if (round % 3 === 0) await expectOk(client, '/office/internships');
      if (round % 5 === 0) await expectOk(client, '/office/statistics');
      if (round % 10 === 0) await expectOk(client, '/office/internships/export.csv');
      await expectOk(client, '/health');
    }
  });
}

async function expectOk(client: BrowserlessClient, path: string) {
  const response = await client.request(path);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return response;
}
