import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { storeCertificate } from '../services/office/officeJourney';
import { submitConventionAsStudent } from '../support/studentJourney';
import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();

describe("the office's day in a real browser", () => {
  it('lands on the counters of what to do today, opens a list from one, and downloads the internship database as a workbook', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await storeCertificate(pstage, convention);
    const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(pstage.devPlatform!.launchUrlFor('office', 'office'));
      await page.waitForURL(/\/office$/);
      await expectAccessible(page);
      const today = page.getByRole('region', { name: "Aujourd'hui" });
      expect(await today.locator('#day-toControl').textContent()).toMatch(/1\s*convention à contrôler\s*À traiter/);
      expect(await today.locator('#day-signaturesOverdue').textContent()).toContain('Rien à faire');
      await today.getByRole('link', { name: /attestation d'assurance à vérifier/ }).click();
      await page.waitForURL(/\/office\/today\/certificates$/);
      await expectAccessible(page);
      await page.getByRole('link', { name: convention.reference! }).click();
      await page.waitForURL(new RegExp(`/office/conventions/${convention.id}$`));

      await page.goto(new URL('/office/internships', pstage.url).toString());
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Exporter la sélection en Excel (.xlsx)' }).click(),
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet.rowCount).toBe(2);
      expect(sheet.getRow(2).getCell(1).value).toBe(convention.reference);
      expect(sheet.getRow(2).getCell(9).value).toBe('73282932000074');
    } finally {
      await context.close();
    }
  });
});
