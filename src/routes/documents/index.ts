import { Router } from 'express';
import type { Services } from '../../services';

/** Generated and uploaded documents, each checked against who asks (student, programme head, office). */
export function documentRoutes(_services: Services): Router {
  return Router();
}
