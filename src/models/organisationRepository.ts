import { and, asc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import type { Executor } from './database';
import { escapeLike, searchableName } from './textSearch';
import { contacts, organisations, services } from './schema';

export type Organisation = typeof organisations.$inferSelect;
export type OrganisationFields = Omit<typeof organisations.$inferInsert, 'id' | 'searchName' | 'validated' | 'createdAt'>;
export type Service = typeof services.$inferSelect;
export type ServiceFields = Omit<typeof services.$inferInsert, 'id' | 'organisationId' | 'createdAt'>;
export type Contact = typeof contacts.$inferSelect;
export type ContactFields = Omit<typeof contacts.$inferInsert, 'id' | 'organisationId' | 'createdAt'>;

export interface OrganisationSearch {
  name?: string;
  siret?: string;
  place?: string;
  country?: string;
}

export { searchableName } from './textSearch';

export const organisationRepository = {
  async search(db: Executor, criteria: OrganisationSearch, limit = 50): Promise<Organisation[]> {
    const conditions: SQL[] = [];
    if (criteria.name) conditions.push(like(organisations.searchName, `%${escapeLike(searchableName(criteria.name))}%`));
    if (criteria.siret) conditions.push(eq(organisations.siret, criteria.siret.replace(/\s/g, '')));
    if (criteria.place) {
      const place = criteria.place.trim();
      conditions.push(or(eq(organisations.postalCode, place), like(organisations.city, `%${escapeLike(place.toUpperCase())}%`))!);
    }
    if (criteria.country) conditions.push(eq(organisations.country, criteria.country));
    if (conditions.length === 0) return [];
    return db
      .select()
      .from(organisations)
      .where(and(...conditions))
      .orderBy(asc(organisations.name), asc(organisations.id))
      .limit(limit);
  },

  async findById(db: Executor, id: number): Promise<Organisation | undefined> {
    const [organisation] = await db.select().from(organisations).where(eq(organisations.id, id));
    return organisation;
  },

  async findBySirets(db: Executor, sirets: string[]): Promise<Organisation[]> {
    if (sirets.length === 0) return [];
    return db.select().from(organisations).where(inArray(organisations.siret, sirets));
  },

  async findBySiret(db: Executor, siret: string): Promise<Organisation | undefined> {
    const [organisation] = await db.select().from(organisations).where(eq(organisations.siret, siret));
    return organisation;
  },

  /**
   * Records that may be the same host as `candidate`: the same SIREN (another establishment of the company), or
   * the same postcode (the caller compares names), or, abroad, the same country and city.
   */
  async sameCompanyOrPlace(db: Executor, candidate: { siret: string | null; postalCode: string; city: string; country: string }) {
    const alike: SQL[] = [and(eq(organisations.country, candidate.country), eq(organisations.postalCode, candidate.postalCode.trim()))!];
    if (candidate.siret && candidate.siret.length >= 9)
      alike.push(like(organisations.siret, `${escapeLike(candidate.siret.slice(0, 9))}%`));
    if (candidate.country !== 'FR')
      alike.push(and(eq(organisations.country, candidate.country), eq(organisations.city, candidate.city.trim().toUpperCase()))!);
    return db
      .select()
      .from(organisations)
      .where(or(...alike))
      .orderBy(asc(organisations.id))
      .limit(200);
  },

  /** A new record; undefined when its SIRET is already taken (the caller uses that record instead). */
  async createUnlessSiretTaken(db: Executor, fields: OrganisationFields): Promise<Organisation | undefined> {
    const [organisation] = await db
      .insert(organisations)
      .values({ ...fields, city: fields.city.toUpperCase(), searchName: searchableName(fields.name), validated: false })
      .onConflictDoNothing()
      .returning();
    return organisation;
  },

  async create(db: Executor, fields: OrganisationFields): Promise<Organisation> {
    const [organisation] = await db
      .insert(organisations)
      .values({ ...fields, city: fields.city.toUpperCase(), searchName: searchableName(fields.name), validated: false })
      .returning();
    return organisation;
  },

  async listServices(db: Executor, organisationId: number): Promise<Service[]> {
    return db.select().from(services).where(eq(services.organisationId, organisationId)).orderBy(asc(services.name));
  },

  async findService(db: Executor, organisationId: number, id: number): Promise<Service | undefined> {
    const [service] = await db
      .select()
      .from(services)
      .where(and(eq(services.id, id), eq(services.organisationId, organisationId)));
    return service;
  },

  async createService(db: Executor, organisationId: number, fields: ServiceFields): Promise<Service> {
    const [service] = await db
      .insert(services)
      .values({ ...fields, organisationId })
      .returning();
    return service;
  },

  async listContacts(db: Executor, organisationId: number): Promise<Contact[]> {
    return db
      .select()
      .from(contacts)
      .where(eq(contacts.organisationId, organisationId))
      .orderBy(asc(contacts.lastName), asc(contacts.firstName));
  },

  async findContact(db: Executor, organisationId: number, id: number): Promise<Contact | undefined> {
    const [contact] = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, id), eq(contacts.organisationId, organisationId)));
    return contact;
  },

  async findContactById(db: Executor, id: number): Promise<Contact | undefined> {
    const [contact] = await db.select().from(contacts).where(eq(contacts.id, id));
    return contact;
  },

  async findServiceById(db: Executor, id: number): Promise<Service | undefined> {
    const [service] = await db.select().from(services).where(eq(services.id, id));
    return service;
  },

  async createContact(db: Executor, organisationId: number, fields: ContactFields): Promise<Contact> {
    const [contact] = await db
      .insert(contacts)
      .values({ ...fields, organisationId })
      .returning();
    return contact;
  },
};
