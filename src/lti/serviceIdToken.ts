import type { Programme } from '../models/programmeRepository';

/**
 * ltijs's service calls (Names and Roles, Assignment and Grade) take the launch's id token to find the
 * platform and the service URLs. Post-backs and roster refreshes happen long after any launch, so this
 * rebuilds the part ltijs reads from what the launch stored on the programme.
 */
export interface ServiceIdToken {
  iss: string;
  clientId: string;
  deploymentId: string;
  platformContext: {
    endpoint: { lineitems?: string; lineitem?: string; scope: string[] };
    namesRoles?: { context_memberships_url: string; service_versions: string[] };
    resource?: { id: string };
  };
}

export function serviceIdToken(
  programme: Pick<Programme, 'iss' | 'clientId' | 'deploymentId' | 'lineItemsUrl' | 'lineItemUrl' | 'membershipsUrl'>,
): ServiceIdToken {
  return {
    iss: programme.iss,
    clientId: programme.clientId,
    deploymentId: programme.deploymentId,
    platformContext: {
      endpoint: {
        ...(programme.lineItemsUrl ? { lineitems: programme.lineItemsUrl } : {}),
        ...(programme.lineItemUrl ? { lineitem: programme.lineItemUrl } : {}),
        scope: [
          'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
          'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
          'https://purl.imsglobal.org/spec/lti-ags/scope/score',
        ],
      },
      ...(programme.membershipsUrl ? { namesRoles: { context_memberships_url: programme.membershipsUrl, service_versions: ['2.0'] } } : {}),
    },
  };
}
