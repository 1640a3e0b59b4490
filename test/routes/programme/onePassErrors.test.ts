import { missingAnchors, summaryItems } from '../../support/errorSummary';
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

  it("the panel's bulk forms: no student ticked and no teacher chosen, both named by their labels, each linked to its field", async () => {
    const head = await launchHead(pstage);
    const panel = `/programme/${head.programmeId}`;
    expect((await head.client.submit(panel, {}, `${panel}/students/tutor`)).location).toBe(`${panel}#students`);
    const page = (await head.client.request(panel)).text;
    expect(summaryItems(page)).toEqual([
      'students-table Étudiants de la formation : Sélectionnez au moins un étudiant.',
      'tutor Enseignant référent à désigner : Choisissez l&#39;enseignant référent à désigner.',
    ]);
    expect(missingAnchors(page)).toEqual([]);
    expect(page).toContain('aria-describedby="tutor-hint tutor-error"');

    await head.client.submit(panel, {}, `${panel}/students/validate`);
    const validated = (await head.client.request(panel)).text;
    expect(summaryItems(validated)).toEqual(['students-table Étudiants de la formation : Sélectionnez au moins un étudiant.']);
    expect(missingAnchors(validated)).toEqual([]);
  });
});
