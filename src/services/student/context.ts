import type { Database } from '../../models/database';

/** What the student use cases need: the database and where the office reads its mail. */
export interface StudentContext {
  db: Database;
  officeEmail: string;
}
