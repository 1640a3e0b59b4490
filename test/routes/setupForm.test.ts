import { BrowserlessClient } from '../support/browserlessClient';
import { missingAnchors, summaryItems } from '../support/errorSummary';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

describe('/setup on the shared form pipeline', () => {
  it('an empty code: the summary names the field by its label and links to it, in the browser language', async () => {
    const french = await new BrowserlessClient(pstage.url).request('/setup', {
      form: { code: '  ' },
      headers: { 'Accept-Language': 'fr-FR' },
    });
    expect(french.status).toBe(422);
    expect(summaryItems(french.text)).toEqual([
      'code Code d&#39;installation : Saisissez le code d&#39;installation du journal du serveur',
    ]);
    expect(missingAnchors(french.text)).toEqual([]);
    expect(french.text).toContain('id="code-error"');
    expect(french.text).toContain('aria-describedby="code-hint code-error"');

    const english = await new BrowserlessClient(pstage.url).request('/setup', { form: {}, headers: { 'Accept-Language': 'en' } });
    expect(english.status).toBe(422);
    expect(summaryItems(english.text)).toEqual([expect.stringMatching(/^code Setup code: /)]);
  });
});
