import { Router } from 'express';
import type { Services } from '../../../services';

/** The office's records and administration: organisations, internship database, statistics, staff, audit log. */
export function officeAdminRoutes(_services: Services): Router {
  return Router();
}
