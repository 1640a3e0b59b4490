import { eq } from 'drizzle-orm';
import { outboxRepository } from '../../src/models/outboxRepository';
import { outbox, programmes } from '../../src/models/schema';
import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();

describe("the office's failed deliveries in a real browser", () => {
  it('shows given-up, retrying and skipped deliveries, retries one now from the keyboard, with no accessibility violation', async () => {
    const db = pstage.database.db;
    await pstage.launch('camille-martin', 'm1-info');
    const [programme] = await db.select().from(programmes);
    await db.update(programmes).set({ lineItemsUrl: null, lineItemUrl: null });
    const skipped = await outboxRepository.enqueue(db, { kind: 'ags', payload: { programmeId: programme.id, studentUserId: 1 } });
    await outboxRepository.markSkipped(db, skipped.id, 'No AGS endpoint');
    const failed = await outboxRepository.enqueue(db, {
      kind: 'mail',
      payload: { template: 'conventionValidated', to: { email: 'camille@example.fr', name: 'Camille Martin', locale: 'fr' }, data: {} },
    });
    await outboxRepository.markFailed(db, failed.id, '550 5.1.1 mailbox unavailable', new Date(), { permanent: true });
    const retrying = await outboxRepository.enqueue(db, {
      kind: 'mail',
      payload: { template: 'subjectDecided', to: { email: 'elodie@example.fr', name: 'Élodie Lefèvre', locale: 'en' }, data: {} },
    });
    await outboxRepository.markFailed(db, retrying.id, '421 4.7.0 try again later', new Date(Date.now() + 3_600_000));

    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(pstage.devPlatform!.launchUrlFor('office', 'office'));
    await page.waitForURL(/\/office$/);
    await page.goto(`${pstage.url}/office/deliveries`);
    expect(await page.getByRole('table', { name: 'Envois en échec : 2' }).count()).toBe(1);
    expect(
      await page
        .getByRole('table', { name: "Progression non reportée dans l'e-campus" })
        .getByRole('cell', { name: programme.title })
        .count(),
    ).toBe(1);
    await expectAccessible(page);

    const retry = page.getByRole('button', { name: `Réessayer maintenant l'envoi n° ${retrying.id}` });
    await retry.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=retried$/);
    expect(await page.getByRole('status').textContent()).toContain("L'envoi est remis dans la file");
    await expectAccessible(page);
    const [row] = await db.select().from(outbox).where(eq(outbox.id, retrying.id));
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    await context.close();
  });
});
