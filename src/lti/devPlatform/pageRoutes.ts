import { Router } from 'express';
import { autosubmitScript, registerScript } from './scripts';
import { courses, findCourse, findLink, membersOf, personas, type PersonaGroup } from './personas';
import { simulateOutage, type PlatformState } from './state';
import { role } from './vocabulary';
import { renderDevView } from './views';

const groupTitles: Record<PersonaGroup, string> = {
  student: 'Étudiants',
  teacher: 'Enseignants',
  office: 'Service des stages',
};

/** The URL that starts a launch; `relative`: its path on the host the page was asked from (the persona page's links). */
export function launchPath(state: PlatformState, personaId: string, linkId: string, relative = false): string {
  return `${relative ? state.urls.mountPath : state.urls.devUrl}/launch/${encodeURIComponent(personaId)}/${encodeURIComponent(linkId)}`;
}

/** Developer pages: the persona list, the gradebook, and the scripts the platform pages load. */
export function pageRoutes(state: PlatformState): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const groups = (Object.keys(groupTitles) as PersonaGroup[]).map((group) => ({
      key: group,
      title: groupTitles[group],
      personas: personas
        .filter((persona) => persona.group === group)
        .map((persona) => ({
          ...persona,
          links: persona.linkIds.map((linkId) => {
            const link = findLink(linkId)!;
            return {
              id: link.id,
              place: findCourse(link.contextId)?.title ?? link.contextId,
              title: link.title,
              deepLinking: link.messageType === 'LtiDeepLinkingRequest',
              url: launchPath(state, persona.id, link.id, true),
            };
          }),
        })),
    }));
    await renderDevView(res, state, 'index', { issuer: state.urls.issuer, clientId: state.defaultClientId, groups, outage: state.outage });
  });

  router.get('/gradebook', async (_req, res) => {
    const gradebookCourses = courses
      .filter((course) => course.kind === 'programme')
      .map((course) => {
        const learners = membersOf(course.id)
          .filter(({ roles }) => roles.includes(role.learner))
          .map(({ persona }) => persona);
        return {
          course,
          lineItems: state.gradebook.list(course.id).map((item) => ({
            item,
            rows: learners.map((persona) => ({
              persona,
              score: state.gradebook.latestScore(item.id, persona.sub),
              history: state.gradebook.history(item.id, persona.sub),
            })),
          })),
        };
      });
    await renderDevView(res, state, 'gradebook', { gradebookCourses, deepLinkReturns: state.deepLinkReturns });
  });

  router.get('/assets/autosubmit.js', (_req, res) => {
    res.type('application/javascript').send(autosubmitScript);
  });
  router.get('/assets/register.js', (_req, res) => {
    res.type('application/javascript').send(registerScript);
  });

  router.get('/platform/jwks', (_req, res) => {
    state.keysetRequests += 1;
    if (simulateOutage(state, state.keysetOutage, res)) return;
    res.json({ keys: [state.key.publicJwk, ...(state.previousKey ? [state.previousKey.publicJwk] : [])] });
  });

  return router;
}
