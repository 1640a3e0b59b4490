import { randomUUID } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { createSigningKey, type SigningKey } from './keys';
import { findCourse, launchRoles, type Link, type Persona } from './personas';
import type { Client, PlatformState } from './state';
import { claim, courseOfferingType, scope } from './vocabulary';

export interface LaunchClaimsInput {
  persona: Persona;
  link: Link;
  client: Client;
  nonce: string;
}

/** Every claim of an LTI 1.3 launch as Moodle sends it (core, AGS, NRPS, and deep linking settings when asked). */
export function launchClaims(state: PlatformState, { persona, link, client, nonce }: LaunchClaimsInput): JWTPayload {
  const course = findCourse(link.contextId);
  const isProgramme = course?.kind === 'programme';
  const locale = state.preferredLanguages.get(persona.id) ?? persona.locale;
  const claims: JWTPayload = {
    iss: state.urls.issuer,
    aud: client.clientId,
    azp: client.clientId,
    sub: persona.sub,
    nonce,
    name: persona.name,
    given_name: persona.givenName,
    family_name: persona.familyName,
    email: persona.email,
    locale,
    [claim.messageType]: link.messageType,
    [claim.version]: '1.3.0',
    [claim.deploymentId]: client.deploymentId,
    [claim.targetLinkUri]: client.targetLinkUri,
    [claim.roles]: launchRoles(persona, link),
    [claim.lis]: {
      person_sourcedid: persona.sourcedId,
      ...(isProgramme ? { course_section_sourcedid: course.sourcedId } : {}),
    },
    [claim.launchPresentation]: {
      locale,
      document_target: 'iframe',
      return_url: `${state.urls.devUrl}/`,
    },
    [claim.toolPlatform]: {
      name: 'e-campus (plateforme de développement)',
      guid: `${new URL(state.urls.baseUrl).host}-dev-platform`,
      product_family_code: 'moodle',
      version: '2024100700',
      url: state.urls.devUrl,
    },
  };
  if (link.custom) claims[claim.custom] = { ...link.custom };
  if (course) {
    claims[claim.context] = { id: course.id, label: course.label, title: course.title, type: [courseOfferingType] };
  }
  if (link.messageType === 'LtiResourceLinkRequest') {
    claims[claim.resourceLink] = { id: link.resourceLinkId, title: link.title };
  } else {
    claims[claim.deepLinkingSettings] = {
      deep_link_return_url: state.urls.deepLinkReturnUrl,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: true,
      auto_create: false,
      title: link.title,
      data: `${link.id}:${persona.id}`,
    };
  }
  if (isProgramme) {
    // As Moodle: the course's container always, and the activity's own column when it has a grade.
    const graded = link.messageType === 'LtiResourceLinkRequest' && link.gradeMaximum && !state.ungradedLinks.has(link.id);
    claims[claim.agsEndpoint] = {
      scope: [scope.lineItem, scope.lineItemReadOnly, scope.resultReadOnly, scope.score],
      lineitems: state.urls.lineItemsUrl(course.id),
      ...(graded
        ? {
            lineitem: state.gradebook.columnOf(course.id, {
              resourceLinkId: link.resourceLinkId,
              title: link.title,
              gradeMaximum: link.gradeMaximum!,
            }).id,
          }
        : {}),
    };
    claims[claim.nrps] = {
      context_memberships_url: state.urls.membershipsUrl(course.id),
      service_versions: ['2.0'],
    };
  }
  return claims;
}

export interface SignOptions {
  /** Replace, add (or with `undefined`, remove) top-level claims after the normal ones are built. */
  overrides?: Record<string, unknown>;
  /** Seconds from now; negative for an already expired token. Default 300. */
  expiresIn?: number;
  /** Seconds since the epoch. Default now. */
  issuedAt?: number;
  /** Seconds from now (negative: in the past), instead of `issuedAt`: a token dated in the future. */
  issuedIn?: number;
  /** `'foreign'` signs with a fresh key under the platform's kid (a bad signature). Default `'platform'`. */
  signWith?: 'platform' | 'foreign' | SigningKey;
  /** Header kid, e.g. an unknown one. Default the signing key's. */
  kid?: string;
  /** Header alg. Default RS256. */
  alg?: string;
}

export async function signPlatformJwt(state: PlatformState, claims: JWTPayload, options: SignOptions = {}): Promise<string> {
  const payload: Record<string, unknown> = { ...claims };
  for (const [name, value] of Object.entries(options.overrides ?? {})) {
    if (value === undefined) delete payload[name];
    else payload[name] = value;
  }
  const key = await resolveKey(state, options.signWith ?? 'platform');
  const now = Math.floor(Date.now() / 1000);
  const issuedAt = options.issuedAt ?? now + (options.issuedIn ?? 0);
  if (!('iat' in (options.overrides ?? {}))) payload.iat = issuedAt;
  if (!('exp' in (options.overrides ?? {}))) payload.exp = now + (options.expiresIn ?? 300);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}

async function resolveKey(state: PlatformState, signWith: NonNullable<SignOptions['signWith']>): Promise<SigningKey> {
  if (signWith === 'platform') return state.key;
  if (signWith === 'foreign') return createSigningKey(state.key.kid);
  return signWith;
}

export function newNonce(): string {
  return randomUUID();
}
