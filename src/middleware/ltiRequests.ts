import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { LtiDatabasePlugin } from '../lti/ltiDatabasePlugin';
import { isDatabaseUnavailable } from '../models/databaseErrors';

type Fail = (error: unknown) => void;
const currentRequest = new AsyncLocalStorage<Fail>();
const pluginMethods = ['Get', 'Insert', 'Replace', 'Modify', 'Delete'] as const;

/**
 * ltijs runs on its own express 4, which drops the rejections of async handlers: when the database cannot be
 * reached in the middle of a launch, ltijs never answers. Each LTI request runs with a way to fail it; a plugin
 * call that finds the database unreachable uses it, and the request gets the 503 page from our error handler;
 * ltijs's handler for that request then stops where it was.
 */
export function answerLtiRequestsWhenDatabaseFails(plugin: LtiDatabasePlugin): void {
  for (const method of pluginMethods) {
    const original = plugin[method].bind(plugin) as (...args: unknown[]) => Promise<unknown>;
    (plugin as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      try {
        return await original(...args);
      } catch (error) {
        const fail = currentRequest.getStore();
        if (!fail || !isDatabaseUnavailable(error)) throw error;
        fail(error);
        // The request is answered; ltijs's handler waits on this forever instead of writing over the answer
        // (nothing refers to the pending promise once the request is done: it is collected with it).
        return new Promise<never>(() => undefined);
      }
    };
  }
}

/** In front of the LTI routes: each request runs with a way to fail it, for the plugin calls made on its behalf. */
export function setUpLtiRequests() {
  return (_req: Request, res: Response, next: NextFunction) => {
    let failed = false;
    const fail: Fail = (error) => {
      if (failed || res.headersSent) return;
      failed = true;
      next(error);
    };
    currentRequest.run(fail, () => next());
  };
}
