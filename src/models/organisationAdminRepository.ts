import { and, asc, count, eq, inArray, isNotNull, like, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from './database';
import type { Organisation, OrganisationFields } from './organisationRepository';
import { escapeLike, searchableName } from './textSearch';
import { auditLog, contacts, conventions, organisations, services } from './schema';

export interface OrganisationCriteria {
  name?: string;
  siret?: string;
  city?: string;
  country?: string;
}

export interface OrganisationConvention {
  id: number;
  reference: string | null;
  state: string;
  studentName: string;
  startDate: string | null;
  endDate: string | null;
  professionalTutorId: number | null;
  serviceName: string | null;
}

function criteriaConditions(criteria: OrganisationCriteria): SQL[] {
  const conditions: SQL[] = [];
  if (criteria.name) conditions.push(like(organisations.searchName, `%${escapeLike(searchableName(criteria.name))}%`));
  if (criteria.siret) conditions.push(like(organisations.siret, `${escapeLike(criteria.siret.replace(/\s/g, ''))}%`));
  if (criteria.city) conditions.push(like(organisations.city, `%${escapeLike(criteria.city.trim().toUpperCase())}%`));
  if (criteria.country) conditions.push(eq(organisations.country, criteria.country.trim().toUpperCase()));
  return conditions;
}

/** The office's view of hosts: review, search, edit, merge. */
export const organisationAdminRepository = {
  async listUnvalidated(db: Executor): Promise<Organisation[]> {
    return db
      .select()
      .from(organisations)
      .where(eq(organisations.validated, false))
      .orderBy(asc(organisations.createdAt), asc(organisations.id));
  },

  async search(db: Executor, criteria: OrganisationCriteria, page: { limit: number; offset: number }) {
    const where = and(...criteriaConditions(criteria));
    const [{ total }] = await db.select({ total: count() }).from(organisations).where(where);
    const rows = await db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(asc(organisations.searchName), asc(organisations.id))
      .limit(page.limit)
      .offset(page.offset);
    return { rows, total: Number(total) };
  },

  /**
   * Optimistic locking: the edit applies only to the version the office member saw, and moves it on;
   * `undefined` when the record changed (or went) since.
   */
  async update(db: Executor, id: number, expectedVersion: number, fields: OrganisationFields): Promise<Organisation | undefined> {
    const [row] = await db
      .update(organisations)
      .set({
        ...fields,
        city: fields.city.toUpperCase(),
        searchName: searchableName(fields.name),
        version: sql`${organisations.version} + 1`,
      })
      .where(and(eq(organisations.id, id), eq(organisations.version, expectedVersion)))
      .returning();
    return row;
  },

  /** The register's values over the version seen, the record then marked as checked against the register. */
  async refresh(db: Executor, id: number, expectedVersion: number, fields: Partial<OrganisationFields>, checkedAt: Date) {
    const [row] = await db
      .update(organisations)
      .set({
        ...fields,
        ...(fields.city ? { city: fields.city.toUpperCase() } : {}),
        ...(fields.name ? { searchName: searchableName(fields.name) } : {}),
        source: 'register',
        registerCheckedAt: checkedAt,
        version: sql`${organisations.version} + 1`,
      })
      .where(and(eq(organisations.id, id), eq(organisations.version, expectedVersion)))
      .returning();
    return row;
  },

  async setRegisterLocked(db: Executor, id: number, expectedVersion: number, locked: boolean): Promise<boolean> {
    const rows = await db
      .update(organisations)
      .set({ registerLocked: locked, version: sql`${organisations.version} + 1` })
      .where(and(eq(organisations.id, id), eq(organisations.version, expectedVersion)))
      .returning({ id: organisations.id });
    return rows.length > 0;
  },

  /** Like `update`: only on the version seen (any version when none is given, as a merge does); false otherwise. */
  async setValidated(db: Executor, id: number, validated: boolean, expectedVersion?: number): Promise<boolean> {
    const where =
      expectedVersion === undefined ? eq(organisations.id, id) : and(eq(organisations.id, id), eq(organisations.version, expectedVersion));
    const rows = await db
      .update(organisations)
      .set({ validated, version: sql`${organisations.version} + 1` })
      .where(where)
      .returning({ id: organisations.id });
    return rows.length > 0;
  },

  /** Takes the version seen for a change that is not a plain update (a merge); false when it moved on. */
  async claimVersion(db: Executor, id: number, expectedVersion: number): Promise<boolean> {
    const rows = await db
      .update(organisations)
      .set({ version: sql`${organisations.version} + 1` })
      .where(and(eq(organisations.id, id), eq(organisations.version, expectedVersion)))
      .returning({ id: organisations.id });
    return rows.length > 0;
  },

  /** Hosts that may be the same one: the same SIREN, or a name sharing its first word (the caller compares names and places). */
  async possibleDuplicates(db: Executor, organisation: Organisation): Promise<Organisation[]> {
    const firstWord = organisation.searchName.split(' ')[0] ?? '';
    const alike: SQL[] = [like(organisations.searchName, `%${escapeLike(firstWord.slice(0, 4))}%`)];
    if (organisation.siret) alike.push(like(organisations.siret, `${escapeLike(organisation.siret.slice(0, 9))}%`));
    return db
      .select()
      .from(organisations)
      .where(and(ne(organisations.id, organisation.id), or(...alike)))
      .orderBy(asc(organisations.id))
      .limit(200);
  },

  /** Pairs of records in one place (postcode, or city abroad) or of one SIREN: the caller keeps the probable duplicates. */
  async pairsInSamePlace(db: Executor, limit = 500) {
    const other = alias(organisations, 'other');
    return db
      .select({ first: organisations, second: other })
      .from(organisations)
      .innerJoin(
        other,
        and(
          sql`${organisations.id} < ${other.id}`,
          or(
            and(eq(organisations.country, other.country), eq(organisations.postalCode, other.postalCode)),
            and(eq(organisations.country, other.country), ne(organisations.country, 'FR'), eq(organisations.city, other.city)),
            sql`substr(${organisations.siret}, 1, 9) = substr(${other.siret}, 1, 9)`,
          ),
        ),
      )
      .orderBy(asc(organisations.searchName), asc(organisations.id), asc(other.id))
      .limit(limit);
  },

  /** Its conventions of one academic year (drafts and cancelled ones left out: they hold no intern). */
  async conventionsInYear(db: Executor, organisationId: number, academicYear: string): Promise<OrganisationConvention[]> {
    return db
      .select({
        id: conventions.id,
        reference: conventions.reference,
        state: conventions.state,
        studentName: sql<string>`coalesce(${conventions.student}->>'firstName', '') || ' ' || coalesce(${conventions.student}->>'lastName', '')`,
        startDate: conventions.startDate,
        endDate: conventions.endDate,
        professionalTutorId: conventions.professionalTutorId,
        serviceName: services.name,
      })
      .from(conventions)
      .leftJoin(services, eq(services.id, conventions.serviceId))
      .where(
        and(
          eq(conventions.organisationId, organisationId),
          eq(conventions.academicYear, academicYear),
          notInArray(conventions.state, ['draft', 'cancelled']),
        ),
      )
      .orderBy(asc(conventions.startDate), asc(conventions.id));
  },

  /**
   * Moves everything that points at `duplicateId` to `survivorId`, then deletes the duplicate. Services and
   * contacts keep their ids, so conventions' service, tutor and signatory links stay valid; frozen snapshots
   * are not touched. Run inside the caller's transaction.
   */
  async merge(db: Executor, survivorId: number, duplicateId: number) {
    const movedServices = await db
      .update(services)
      .set({ organisationId: survivorId })
      .where(eq(services.organisationId, duplicateId))
      .returning({ id: services.id });
    const movedContacts = await db
      .update(contacts)
      .set({ organisationId: survivorId })
      .where(eq(contacts.organisationId, duplicateId))
      .returning({ id: contacts.id });
    const movedConventions = await db
      .update(conventions)
      .set({ organisationId: survivorId })
      .where(eq(conventions.organisationId, duplicateId))
      .returning({ id: conventions.id });
    await db.delete(organisations).where(eq(organisations.id, duplicateId));
    return { services: movedServices.length, contacts: movedContacts.length, conventions: movedConventions.map((row) => row.id) };
  },

  /**
   * The record a merge kept when it removed `removedId`, from the merge's audit entry (the log is append-only, so
   * a link to a removed record finds where it went however old it is); undefined when it was never merged away.
   */
  async mergedInto(db: Executor, removedId: number): Promise<number | undefined> {
    const [row] = await db
      .select({ targetId: auditLog.targetId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'organisation.merge'),
          eq(auditLog.targetType, 'organisation'),
          sql`${auditLog.details}->>'removedId' = ${String(removedId)}`,
        ),
      )
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    return row ? Number(row.targetId) : undefined;
  },

  async countConventions(db: Executor, organisationIds: number[]): Promise<Map<number, number>> {
    if (organisationIds.length === 0) return new Map();
    const rows = await db
      .select({ organisationId: conventions.organisationId, total: count() })
      .from(conventions)
      .where(and(isNotNull(conventions.organisationId), inArray(conventions.organisationId, organisationIds)))
      .groupBy(conventions.organisationId);
    return new Map(rows.map((row) => [row.organisationId!, Number(row.total)]));
  },
};
