import type { NextFunction, Request, Response } from 'express';

/** Where the LMS shows Pstage (the LTI launch_presentation claim's document_target). */
export type DocumentTarget = 'iframe' | 'window';

export function documentTargetFromLaunch(target: unknown): DocumentTarget {
  return target === 'iframe' || target === 'frame' || target === 'embed' ? 'iframe' : 'window';
}

/**
 * Inside the LMS frame (the embedded layout) or in a window of its own (the full layout). The browser says it
 * for each page (`Sec-Fetch-Dest`): a page opened in a new tab from the frame gets the full layout. A browser
 * that does not say it gets what the launch asked for (its document_target).
 */
export function isEmbedded(req: Request): boolean {
  const destination = req.get('sec-fetch-dest');
  if (destination === 'iframe' || destination === 'frame') return true;
  if (destination === 'document') return false;
  return req.session?.documentTarget === 'iframe';
}

export function setUpPresentation() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.embedded = isEmbedded(req);
    next();
  };
}
