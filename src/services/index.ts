import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Database, DatabaseHandle } from '../models/database';
import type { LtiTool } from '../lti/ltiTool';
import type { PdfRenderer } from './documents/pdfRenderer';

/** Everything routes need, built in one place (server.ts, or a test) from the database handle. */
export interface Services {
  config: Config;
  db: Database;
  database: DatabaseHandle;
  logger: Logger;
  /** Where today comes from: the system's clock, or the one a test or PSTAGE_TODAY sets. */
  clock: Clock;
  /** Lays PDFs out off the event loop (a worker thread). */
  pdfRenderer: PdfRenderer;
  /** The ltijs tool, set up once createApp has wired its handlers. */
  lti(): LtiTool;
}
