import { academicYearOf } from '../../../domain/academicYear';
import { hostQuota, maxConcurrent, professionalTutorCap } from '../../../domain/hostQuota';
import { probablySameHost } from '../../../domain/organisationDuplicates';
import { AppError, notFound } from '../../../errors';
import { fieldError } from '../fieldError';
import { auditRepository } from '../../../models/auditRepository';
import type { Database } from '../../../models/database';
import { organisationAdminRepository } from '../../../models/organisationAdminRepository';
import { organisationRepository, type Organisation, type OrganisationFields } from '../../../models/organisationRepository';

/** Two records are probably the same host: see `probablySameHost` (same SIRET; same place and name or SIREN). */
export function areDuplicates(a: Organisation, b: Organisation): boolean {
  if (a.id === b.id) return false;
  return probablySameHost(a, b);
}

export async function duplicateCandidates(db: Database, organisation: Organisation): Promise<Organisation[]> {
  const possible = await organisationAdminRepository.possibleDuplicates(db, organisation);
  return possible.filter((other) => areDuplicates(organisation, other));
}

/** One host for the office: its record, services, contacts, this year's interns and the legal warnings. */
/** A host record as it is now, or undefined (merged away or never existed). */
export async function findOrganisation(db: Database, id: number): Promise<Organisation | undefined> {
  return organisationRepository.findById(db, id);
}

/**
 * Where a link to a removed host record should lead: the record its merge kept, followed through later merges
 * (A into B, then B into C leads to C); undefined when the id was never merged away or the chain ends nowhere.
 */
export async function survivorOf(db: Database, id: number): Promise<number | undefined> {
  let current = id;
  for (let hop = 0; hop < 20; hop += 1) {
    const kept = await organisationAdminRepository.mergedInto(db, current);
    if (kept === undefined || kept === current) return undefined;
    if (await organisationRepository.findById(db, kept)) return kept;
    current = kept;
  }
  return undefined;
}

export async function organisationDetails(db: Database, id: number, today: string) {
  const organisation = await organisationRepository.findById(db, id);
  if (!organisation) throw notFound();
  const academicYear = academicYearOf(today);
  const [services, contacts, conventions, duplicates] = await Promise.all([
    organisationRepository.listServices(db, id),
    organisationRepository.listContacts(db, id),
    organisationAdminRepository.conventionsInYear(db, id, academicYear),
    duplicateCandidates(db, organisation),
  ]);
  const quota = hostQuota(organisation.headcountBand);
  const concurrent = maxConcurrent(conventions);
  const overloadedTutors = contacts
    .map((contact) => ({
      contact,
      concurrent: maxConcurrent(conventions.filter((convention) => convention.professionalTutorId === contact.id)),
    }))
    .filter((tutor) => tutor.concurrent > professionalTutorCap);
  return {
    organisation,
    services,
    contacts,
    conventions,
    duplicates,
    academicYear,
    quota,
    concurrent,
    quotaExceeded: concurrent > quota,
    overloadedTutors,
    tutorCap: professionalTutorCap,
  };
}

const conflict = () => new AppError(409, 'errors.conflict');

/** Validates the record as the office member saw it (`version`): a change since then is a conflict, nothing written. */
export async function validateOrganisation(db: Database, actorUserId: number, id: number, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const organisation = await organisationRepository.findById(tx, id);
    if (!organisation) throw notFound();
    if (organisation.validated) return;
    if (!(await organisationAdminRepository.setValidated(tx, id, true, version))) throw conflict();
    await auditRepository.record(tx, { actorUserId, action: 'organisation.validate', targetType: 'organisation', targetId: id });
  });
}

/** Saves the office's correction over the version it was made from only: another save since then is a conflict. */
export async function editOrganisation(
  db: Database,
  actorUserId: number,
  id: number,
  version: number,
  fields: OrganisationFields,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await organisationRepository.findById(tx, id);
    if (!before) throw notFound();
    const holder = fields.siret ? await organisationRepository.findBySiret(tx, fields.siret) : undefined;
    // One record per establishment: the office merges the two records instead.
    if (holder && holder.id !== id) throw fieldError('siret', 'officeAdmin.organisations.siretTaken', { name: holder.name });
    if (!(await organisationAdminRepository.update(tx, id, version, fields))) throw conflict();
    const changed = Object.keys(fields).filter(
      (key) => String(before[key as keyof Organisation] ?? '') !== String(fields[key as keyof OrganisationFields] ?? ''),
    );
    await auditRepository.record(tx, {
      actorUserId,
      action: 'organisation.edit',
      targetType: 'organisation',
      targetId: id,
      details: { changed },
    });
  });
}

export interface MergeCommand {
  survivorId: number;
  survivorVersion: number;
  duplicateId: number;
  duplicateVersion: number;
}

/**
 * The office keeps `survivorId` and removes `duplicateId`: in one transaction its services, contacts and
 * conventions move to the survivor, so nothing is left pointing at a deleted host. Both records must be as the
 * office member saw them: a record changed or already merged away since is a conflict, and nothing moves.
 */
export async function mergeOrganisations(db: Database, actorUserId: number, command: MergeCommand) {
  const { survivorId, duplicateId } = command;
  return db.transaction(async (tx) => {
    const survivor = await organisationRepository.findById(tx, survivorId);
    const duplicate = await organisationRepository.findById(tx, duplicateId);
    if (!survivor || !duplicate) throw conflict();
    if (!areDuplicates(survivor, duplicate)) throw new AppError(422, 'officeAdmin.organisations.notDuplicates');
    // Rows are claimed (and locked) in id order, so two opposite merges of the same pair wait instead of deadlocking.
    const claims = [
      { id: survivorId, version: command.survivorVersion },
      { id: duplicateId, version: command.duplicateVersion },
    ].sort((a, b) => a.id - b.id);
    for (const claim of claims) if (!(await organisationAdminRepository.claimVersion(tx, claim.id, claim.version))) throw conflict();
    const moved = await organisationAdminRepository.merge(tx, survivorId, duplicateId);
    if (duplicate.validated && !survivor.validated) await organisationAdminRepository.setValidated(tx, survivorId, true);
    await auditRepository.record(tx, {
      actorUserId,
      action: 'organisation.merge',
      targetType: 'organisation',
      targetId: survivorId,
      details: { removedId: duplicateId, removedName: duplicate.name, removedSiret: duplicate.siret, ...moved },
    });
    return moved;
  });
}

/** The office's list of probable duplicates over all hosts, by the same matching as a host's page. */
export async function probableDuplicatePairs(db: Database) {
  const pairs = await organisationAdminRepository.pairsInSamePlace(db);
  return pairs.filter((pair) => areDuplicates(pair.first, pair.second)).slice(0, 100);
}

export async function organisationsOverview(
  db: Database,
  criteria: Parameters<typeof organisationAdminRepository.search>[1],
  page: number,
  pageSize = 25,
) {
  const unvalidated = await organisationAdminRepository.listUnvalidated(db);
  const duplicatePairs = await probableDuplicatePairs(db);
  const searched = Object.values(criteria).some(Boolean);
  const results = searched
    ? await organisationAdminRepository.search(db, criteria, { limit: pageSize, offset: (page - 1) * pageSize })
    : { rows: [], total: 0 };
  return { unvalidated, duplicatePairs, searched, results, pageSize };
}
