import { summaryItems } from '../../support/errorSummary';
import { useTestPstage } from '../../support/pstage';
import { launchHead, studentProposes } from './programmeHelpers';

const pstage = useTestPstage();

describe("the programme head's forms show every error at once, in form order, named by the field's own label", () => {
  it('a subject decision and a new teacher: each error in the summary under the label its field shows', async () => {
    const { subject } = await studentProposes(pstage, 'camille-martin');
    const head = await launchHead(pstage);
    const page = `/programme/${head.programmeId}/subjects/${subject.id}`;
    expect((await head.client.submit(page, { decision: 'reject', comment: '' })).location).toBe(page);
    expect(summaryItems((await head.client.request(page)).text)).toEqual([expect.stringMatching(/^comment Commentaire[^:]* : /)]);
    await head.client.submit(page, {});
    expect(summaryItems((await head.client.request(page)).text)).toEqual([expect.stringMatching(/^decision Décision : /)]);

    const tutors = `/programme/${head.programmeId}/tutors`;
    await head.client.submit(tutors, { firstName: '', lastName: 'Durand', email: 'pas-un-courriel' });
    const items = summaryItems((await head.client.request(tutors)).text);
    expect(items.map((item) => item.split(' ')[0])).toEqual(['civility', 'firstName', 'email']);
    expect(items[1]).toMatch(/^firstName Prénom : /);
  });
});
