import helmet from 'helmet';

/** Framing is allowed only from the configured LMS origins (and ourselves, for the development platform). */
export function setUpSecurityHeaders(lmsOrigins: string[], secure: boolean) {
  return helmet({
    frameguard: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
    strictTransportSecurity: secure,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameSrc: ["'self'"],
        formAction: null,
        frameAncestors: ["'self'", ...lmsOrigins],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
  });
}
