import { useTestPstage } from '../support/pstage';
import { submitConventionAsStudent } from '../support/studentJourney';
import { launchOffice, recordSignaturesAsOffice, validateAsOffice } from '../services/office/officeJourney';

const pstage = useTestPstage();

/** What a reader sees of a page: its text without the markup, scripts and attributes. */
const visibleText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    // A closing tag right before a colon is no space a reader sees ('<strong>State</strong>:').
    .replace(/(<\/[^>]+>)+(?=:)/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&#39;/g, "'");
/** A space (or a no-break space) before a colon: French punctuation. */
const frenchColons = (text: string) => text.match(/.{0,30}[ \u00a0]:(?=[\s]|$).{0,10}/g) ?? [];
const frenchCivilities = (text: string) => text.match(/(^|\s)(M\.|Mme) \p{Lu}\S*/gu) ?? [];

afterEach(() => {
  pstage.devPlatform!.setPreferredLanguage('office', undefined);
});

describe('English pages use English punctuation and civilities', () => {
  it('the student’s and the office’s pages of an agreement: no space before a colon, Mr and Ms', async () => {
    const { client, convention, base } = await submitConventionAsStudent(pstage, { persona: 'elodie-lefevre' });
    await validateAsOffice(pstage, convention.id);
    await recordSignaturesAsOffice(pstage, convention.id, ['student']);
    pstage.devPlatform!.setPreferredLanguage('office', 'en');
    const office = await launchOffice(pstage);

    const pages = {
      studentHome: (await client.request('/student')).text,
      studentAgreement: (await client.request(base)).text,
      officeAgreement: (await office.client.request(`/office/conventions/${convention.id}`)).text,
      officeAmendments: (await office.client.request(`/office/conventions/${convention.id}/amendments`)).text,
    };
    for (const [name, html] of Object.entries(pages)) {
      expect([name, html]).toEqual([name, expect.stringContaining('<html lang="en"')]);
      const text = visibleText(html);
      expect([name, frenchColons(text)]).toEqual([name, []]);
      expect([name, frenchCivilities(text)]).toEqual([name, []]);
    }
    const office_ = visibleText(pages.officeAgreement);
    expect(office_).toContain('State: ');
    expect(office_).toMatch(/Ms Camille \S+ — /);
    expect(office_).toMatch(/Mr Paul \S+ — /);
  });
});
