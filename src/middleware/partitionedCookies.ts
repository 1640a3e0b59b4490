import type { CookieOptions, NextFunction, Request, Response } from 'express';

/**
 * Inside the LMS iframe every Pstage cookie is a third-party cookie. Browsers that block those (or phase them
 * out) still keep a cookie marked `Partitioned` (CHIPS), stored under the LMS's site only. Over HTTPS every
 * cookie set with `SameSite=None; Secure` — ours and ltijs's OIDC state cookies — gets the attribute;
 * browsers that do not know it ignore it. `clearCookie` goes through `res.cookie`, so deletions match.
 */
export function setUpPartitionedCookies(secure: boolean) {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (secure) {
      const setCookie = res.cookie.bind(res) as (name: string, value: unknown, options?: CookieOptions) => Response;
      // An own property, so that it survives ltijs's express 4 sub-app re-prototyping the response.
      res.cookie = ((name: string, value: unknown, options: CookieOptions = {}) =>
        setCookie(
          name,
          value,
          options.secure && String(options.sameSite).toLowerCase() === 'none' ? { ...options, partitioned: true } : options,
        )) as Response['cookie'];
    }
    next();
  };
}
