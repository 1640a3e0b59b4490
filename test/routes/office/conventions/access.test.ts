import { BrowserlessClient } from '../../../support/browserlessClient';
import { useTestPstage } from '../../../support/pstage';
import { conventionReadyToValidate, reload } from '../../../services/office/officeJourney';

const pstage = useTestPstage();

const forbidden = 'Vous n&#39;avez pas accès à cette page.';

describe('office pages and actions are for the office only', () => {
  it.each([
    ['a student', 'camille-martin', 'm1-info'],
    ['a programme head', 'jean-dupont', 'm1-info'],
  ])('%s gets 403 on every office page and action, and nothing changes', async (_who, persona, link) => {
    const { convention } = await conventionReadyToValidate(pstage);
    const { client, page } = await pstage.launch(persona, link);
    const csrf = BrowserlessClient.csrfToken(page.text);
    for (const path of [
      '/office',
      '/office/conventions',
      `/office/conventions?state=submitted&q=Martin`,
      `/office/conventions/${convention.id}`,
    ]) {
      const response = await client.request(path);
      expect([path, response.status]).toEqual([path, 403]);
      expect(response.text).toContain(forbidden);
    }
    const actions: [string, Record<string, string>][] = [
      ['validate', { overrideReason: 'Je passe outre' }],
      ['return', { reason: 'Renvoi' }],
      ['cancel', { reason: 'Annulation' }],
      ['signatures', { party: 'student', signedAt: '2026-01-01', method: 'paper' }],
      ['certificate', { documentId: '1', decision: 'accepted' }],
      ['dean-signature', { signedAt: '2026-01-01' }],
      ['internship-end', { actualEndDate: '2026-01-01', effectiveHours: '10', totalGratificationPaid: '0' }],
      ['cumulation-review', { flagKey: 'cumulation.gratificationDue|2026-2027|CONV-1', note: 'Avenant' }],
    ];
    for (const [action, fields] of actions) {
      const response = await client.request(`/office/conventions/${convention.id}/${action}`, {
        form: { _csrf: csrf, version: String(convention.version), ...fields },
      });
      expect([action, response.status]).toEqual([action, 403]);
      expect(response.text).toContain(forbidden);
    }
    expect(await reload(pstage, convention.id)).toMatchObject({ state: 'submitted', version: convention.version });
  });

  it('the office itself reaches them; an unknown convention is 404', async () => {
    const { client } = await pstage.launch('office', 'office');
    expect((await client.request('/office')).status).toBe(200);
    expect((await client.request('/office/conventions')).status).toBe(200);
    expect((await client.request('/office/conventions/999999')).status).toBe(404);
    expect((await client.request('/office/conventions/abc')).status).toBe(404);
  });
});
