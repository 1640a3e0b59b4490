import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock';
import { addDays } from '../../domain/calendarDate';
import { notFound } from '../../errors';
import { enqueueNotification } from '../../mail/enqueueNotification';
import type { MailPayload } from '../../mail/notificationTypes';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import {
  evaluationRepository,
  hostAttestationRepository,
  hostSpaceLinkRepository,
  type HostSpaceLink,
} from '../../models/evaluationRepository';
import { attestationCodeFor } from './attestationCode';
import { hashPersonalLinkToken, isWellFormedToken, personalLinkToken } from '../personalLinks/personalLinkToken';

/** The host's space stays open this long after the internship's last day: time enough for the attestation. */
export const HOST_SPACE_DAYS_AFTER_END = 90;

export const hostSpacePath = (token: string) => `/host/${token}`;
export const hostSpaceTokenFor = (key: string, linkId: number) => personalLinkToken(key, 'host-space', linkId);

/** Like the signature links: the outbox names the link's row, the secret is derived when the mail is sent. */
export function hostSpaceLinkResolver(key: string) {
  return (payload: MailPayload): MailPayload => {
    if (payload.template === 'attestationCode') {
      const data = payload.data as MailPayload<'attestationCode'>['data'];
      const code = attestationCodeFor(key, data.hostSpaceLinkId, new Date(data.codeExpiresAt));
      return { ...payload, data: { ...data, code, path: `${hostSpacePath(hostSpaceTokenFor(key, data.hostSpaceLinkId))}#attestation` } };
    }
    if (payload.template !== 'hostSpaceOpened') return payload;
    const data = payload.data as MailPayload<'hostSpaceOpened'>['data'];
    if (data.hostSpaceLinkId === undefined) return payload;
    return { ...payload, data: { ...data, path: hostSpacePath(hostSpaceTokenFor(key, data.hostSpaceLinkId)) } };
  };
}

/** The professional tutor's link, created once per convention and mailed (again, as a reminder) through the outbox. */
export async function mailHostSpaceLink(
  tx: Executor,
  convention: Convention,
  tutor: { name: string; email: string },
  context: { encryptionKey: string; now: Date; lastDay: string },
  reminder?: { at: Date },
): Promise<HostSpaceLink> {
  let link = await hostSpaceLinkRepository.findActive(tx, convention.id);
  if (!link) {
    link = await hostSpaceLinkRepository.create(tx, {
      conventionId: convention.id,
      name: tutor.name,
      email: tutor.email,
      // Until the row has its id (the link is derived from it), a hash of a secret nobody knows.
      tokenHash: hashPersonalLinkToken(randomBytes(32).toString('base64url')),
      sentAt: context.now,
      expiresAt: new Date(`${addDays(context.lastDay, HOST_SPACE_DAYS_AFTER_END)}T23:59:59Z`),
    });
    await hostSpaceLinkRepository.setTokenHash(tx, link.id, hashPersonalLinkToken(hostSpaceTokenFor(context.encryptionKey, link.id)));
  }
  await enqueueNotification(tx, {
    template: 'hostSpaceOpened',
    to: { email: link.email, name: link.name, locale: 'fr' },
    data: {
      reference: convention.reference ?? '',
      studentName: `${convention.student.firstName} ${convention.student.lastName}`.trim(),
      endDate: context.lastDay,
      path: '',
      hostSpaceLinkId: link.id,
      ...(reminder ? { reminder: true } : {}),
    },
    dedupeKey: reminder ? `hostSpaceReminder:${link.id}:${reminder.at.toISOString().slice(0, 10)}` : `hostSpaceOpened:${link.id}`,
  });
  return link;
}

/**
 * What a host's link opens, or the one "not found" for a wrong, expired or revoked link, or a convention no longer
 * complete: nothing tells them apart.
 */
export async function openHostSpace(db: Executor, token: string, clock: Clock): Promise<{ link: HostSpaceLink; convention: Convention }> {
  if (!isWellFormedToken(token)) throw notFound();
  const link = await hostSpaceLinkRepository.findByTokenHash(db, hashPersonalLinkToken(token));
  if (!link || link.status !== 'active' || link.expiresAt.getTime() <= clock.now().getTime()) throw notFound();
  const convention = await conventionRepository.findById(db, link.conventionId);
  if (!convention || convention.state !== 'complete') throw notFound();
  return { link, convention };
}

/** The host tutor's evaluation of the intern (opened with the space), if any. */
export const hostTutorEvaluation = (db: Executor, conventionId: number) => evaluationRepository.find(db, conventionId, 'tutor');

/** The host space's page: the link, the convention, the tutor's evaluation and the attestation once signed. */
export async function hostSpaceOf(db: Executor, token: string, clock: Clock) {
  const { link, convention } = await openHostSpace(db, token, clock);
  const evaluation = await hostTutorEvaluation(db, convention.id);
  const attestation = await hostAttestationRepository.find(db, convention.id);
  return { link, convention, evaluation, attestation };
}
