import { eq } from 'drizzle-orm';
import { programmes, subjects } from '../../../src/models/schema';
import { BrowserlessClient, type FormFields } from '../../support/browserlessClient';
import type { TestPstage } from '../../support/pstage';
import { proposeSubject } from '../../support/studentJourney';

/** The programme head launches from their course: lands on the panel (which fetches the roster). */
export async function launchHead(pstage: TestPstage, persona = 'jean-dupont', link = 'm1-info') {
  const { client, page } = await pstage.launch(persona, link);
  const programmeId = Number(/\/programme\/(\d+)/.exec(page.url)?.[1]);
  if (!programmeId) throw new Error(`${persona} did not land on a panel: ${page.status} ${page.url}`);
  return { client, page, programmeId, csrf: BrowserlessClient.csrfToken(page.text) };
}

export async function programmeId(pstage: TestPstage, contextId: string): Promise<number> {
  const [programme] = await pstage.database.db.select().from(programmes).where(eq(programmes.contextId, contextId));
  return programme.id;
}

/** A student launches from their course and proposes a subject through the real form. */
export async function studentProposes(pstage: TestPstage, persona: string, link = 'm1-info', fields: FormFields = {}) {
  const { client } = await pstage.launch(persona, link);
  const subject = await proposeSubject(pstage, client, { title: `Sujet de ${persona}`, ...fields });
  return { client, subject };
}

export async function subjectById(pstage: TestPstage, id: number) {
  const [subject] = await pstage.database.db.select().from(subjects).where(eq(subjects.id, id));
  return subject;
}
