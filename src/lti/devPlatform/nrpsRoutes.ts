import { Router } from 'express';
import { findCourse, membersOf } from './personas';
import { requireAccessToken } from './tokenRoutes';
import type { PlatformState } from './state';
import { mediaType, scope } from './vocabulary';

/** A role filter matches a full role URI or its short name (`Learner`, `Instructor`), as NRPS 2.0 allows. */
function hasRole(roles: string[], wanted: string): boolean {
  return roles.some((role) => role === wanted || role.split('#').at(-1) === wanted);
}

/** Names and Role Provisioning Services 2.0: the roster of a course, with optional role filter and paging. */
export function nrpsRoutes(state: PlatformState): Router {
  const router = Router();
  router.get('/platform/nrps/:contextId/memberships', requireAccessToken(state, [scope.contextMembershipReadOnly]), (req, res) => {
    const course = findCourse(String(req.params.contextId));
    if (!course || course.kind !== 'programme')
      return void res.status(404).json({ error: 'not_found', error_description: 'Unknown course.' });
    const roleFilter = typeof req.query.role === 'string' ? req.query.role : undefined;
    const members = membersOf(course.id, state.addedEnrolments)
      .filter(({ roles }) => roleFilter === undefined || hasRole(roles, roleFilter))
      .map(({ persona, roles }) => ({
        status: 'Active',
        name: persona.name,
        given_name: persona.givenName,
        family_name: persona.familyName,
        email: persona.email,
        user_id: persona.sub,
        lis_person_sourcedid: persona.sourcedId,
        roles,
      }));
    const url = state.urls.membershipsUrl(course.id);
    const limit = Number(req.query.limit);
    const page = Math.max(1, Number(req.query.page) || 1);
    let pageMembers = members;
    if (Number.isInteger(limit) && limit > 0) {
      pageMembers = members.slice((page - 1) * limit, page * limit);
      if (page * limit < members.length) {
        const next = new URL(url);
        if (roleFilter) next.searchParams.set('role', roleFilter);
        next.searchParams.set('limit', String(limit));
        next.searchParams.set('page', String(page + 1));
        res.set('Link', `<${next.toString()}>; rel="next"`);
      }
    }
    const body = { id: url, context: { id: course.id, label: course.label, title: course.title }, members: pageMembers };
    res.type(mediaType.membershipContainer).send(JSON.stringify(body));
  });
  return router;
}
