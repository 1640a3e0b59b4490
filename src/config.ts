import { z } from 'zod';
import { DEFAULT_ACADEMIC_YEAR_START, parseAcademicYearStart, type AcademicYearStart } from './domain/academicYear';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const listFromEnv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address to listen on (`127.0.0.1` behind a local proxy); every interface by default. */
  HOST: z
    .string()
    .trim()
    .pipe(z.union([z.ipv4(), z.ipv6(), z.hostname()], { error: 'must be an IP address or a host name (e.g. 127.0.0.1, ::, localhost)' }))
    .optional(),
  PUBLIC_BASE_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().default(587),
  SMTP_SECURE: booleanFromEnv.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  LMS_ORIGINS: listFromEnv.default([]),
  OFFICE_BOOTSTRAP: listFromEnv.default([]),
  OFFICE_EMAIL: z.string().optional(),
  INSTITUTION_NAME: z.string().trim().min(1).optional(),
  INSTITUTION_STREET: z.string().trim().min(1).optional(),
  INSTITUTION_POSTAL_CODE: z.string().trim().min(1).optional(),
  INSTITUTION_CITY: z.string().trim().min(1).optional(),
  INSTITUTION_PHONE: z.string().trim().optional(),
  INSTITUTION_EMAIL: z.string().trim().optional(),
  /** "Prénom Nom" of the dean who signs the conventions by delegation. */
  DEAN_NAME: z.string().trim().min(3).optional(),
  DEAN_CIVILITY: z.enum(['M.', 'Mme', 'Mx']).optional(),
  /** The dean (or delegate) signs last from a personal link sent here; absent: the office records the dean's signature. */
  DEAN_EMAIL: z.email().optional(),
  /** Send a convention for electronic signature as soon as the office validates it. */
  SIGNATURE_AUTO_SEND: booleanFromEnv.default(false),
  /** Views read again at every render, an edited template showing at once (`npm run dev`); refused in production. */
  LIVE_VIEWS: booleanFromEnv.default(false),
  /** The institution's PKCS#12 seal; outside production a self-signed one is made under DATA_DIR on first use. */
  SEAL_P12_PATH: z.string().optional(),
  SEAL_P12_PASSWORD: z.string().optional(),
  /** Per address: requests a minute on the personal signature links. */
  SIGNATURE_LINK_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Days a signatory's link waits unsigned before a reminder (then at most one a day). */
  SIGNATURE_REMINDER_DAYS: z.coerce.number().int().min(1).max(30).default(3),
  DYNAMIC_REGISTRATION_AUTO_ACTIVATE: booleanFromEnv.default(false),
  /** Minutes the one-time setup code printed at a start-up with no active platform stays valid; 0: no code. */
  SETUP_CODE_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
  /** Per IP address: a whole lecture hall behind one NAT launches at once, hence generous. */
  LAUNCH_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  REGISTRATION_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Per user (per address without a session): certificate uploads an hour, PDFs a minute, roster refreshes an hour. */
  CERTIFICATE_UPLOAD_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  PDF_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  ROSTER_REFRESH_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Civil-liability certificates one student may have stored at once. */
  CERTIFICATE_QUOTA: z.coerce.number().int().min(1).default(10),
  DEV_PLATFORM: booleanFromEnv.optional(),
  ACADEMIC_TUTOR_CAP: z.coerce.number().int().min(1).default(16),
  /** 'MM-DD': the first day of the institution's academic years (1 September by default). */
  ACADEMIC_YEAR_START: z
    .string()
    .refine((value) => parseAcademicYearStart(value) !== null, 'must be a day of every year written MM-DD (e.g. 09-01)')
    .optional(),
  AGS_LINE_ITEM_LABEL: z.string().trim().min(1).default('Convention de stage'),
  /** Students' evaluations of a host are shown to later students (when the programme shares them) from this many answers. */
  HOST_RATINGS_MIN_ANSWERS: z.coerce.number().int().min(1).max(100).default(3),
  /** Every call to the LMS (keys, tokens, roster, gradebook) gives up after this long. */
  LMS_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(5),
  /** Outside production only: the day the application believes it is ('YYYY-MM-DD'), time moving on from there. */
  PSTAGE_TODAY: z.iso.date().optional(),
  /** Fault tests only: moments where the process waits so a test can kill it there (src/holdPoints.ts). */
  PSTAGE_HOLD_AT: listFromEnv.default([]),
  /** The national register the host step searches: none = hosts entered by hand only. */
  SIRENE_SOURCE: z.enum(['recherche-entreprises', 'insee', 'none']).default('none'),
  SIRENE_BASE_URL: z.url().optional(),
  /** The INSEE portal's integration key (header X-INSEE-Api-Key-Integration), for SIRENE_SOURCE=insee. */
  SIRENE_API_KEY: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export interface Config {
  environment: 'development' | 'test' | 'production';
  production: boolean;
  port: number;
  /** HOST: the listen address; undefined = every interface. */
  host?: string;
  publicBaseUrl: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  encryptionKey: string;
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string } | null;
  mailFrom: string;
  officeEmail: string;
  /** The university's block of the convention and the attestation. */
  institution: {
    name: string;
    address: { street: string; postalCode: string; city: string };
    phone?: string;
    email?: string;
    dean: { civility?: 'M.' | 'Mme' | 'Mx'; firstName: string; lastName: string };
  };
  /** The electronic signature circuit (src/services/signature). */
  signature: {
    deanEmail?: string;
    autoSend: boolean;
    seal: { p12Path: string; password: string; generateIfMissing: boolean };
    linksPerMinute: number;
    reminderAfterDays: number;
  };
  lmsOrigins: string[];
  officeBootstrap: string[];
  dynamicRegistrationAutoActivate: boolean;
  /** How long the setup code of a start-up with no active platform is valid (minutes); 0 = none printed. */
  setupCodeMinutes: number;
  /**
   * Requests per IP address: LTI logins and launches per minute, dynamic registrations per hour. Per user:
   * certificate uploads per hour, PDF downloads per minute, forced NRPS roster refreshes per hour.
   */
  rateLimits: {
    launchesPerMinute: number;
    registrationsPerHour: number;
    certificateUploadsPerHour: number;
    pdfsPerMinute: number;
    rosterRefreshesPerHour: number;
  };
  /** Certificates a student may have stored at once (older ones still awaiting the office are replaced). */
  certificateQuota: number;
  devPlatform: boolean;
  /** Templates compiled at every render (`npm run dev` sets LIVE_VIEWS): otherwise once per process. */
  liveViews: boolean;
  logLevel: string;
  /** The label of the column Pstage creates in a course whose launched activity has no grade column of its own. */
  agsLineItemLabel: string;
  /** Fewer answers and a host's averaged evaluations are not shown to students (an average of one is one answer). */
  hostRatingsMinAnswers: number;
  /** Interns per academic tutor above which the programme panel warns. */
  academicTutorCap: number;
  /** The first day of every academic year: the cumulation caps (924 h, 308 h) count the hours that fall in each year. */
  academicYearStart: AcademicYearStart;
  /** The longest Pstage waits for one answer of the LMS (JWKS, access token, NRPS, AGS). */
  lmsTimeoutMs: number;
  /** Where the host step looks establishments up (SIRENE_SOURCE, SIRENE_BASE_URL, SIRENE_API_KEY). */
  register:
    { source: 'none' } | { source: 'recherche-entreprises'; baseUrl: string } | { source: 'insee'; baseUrl: string; apiKey: string };
  /** PSTAGE_TODAY, never in production: the clock's first day (see src/clock.ts). */
  today?: string;
  /** PSTAGE_HOLD_AT, never in production: where a fault test stops the process (src/holdPoints.ts). */
  holdPoints: string[];
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Configuration invalide / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** 'Jean-Pierre de La Tour' → first name 'Jean-Pierre', last name 'de La Tour'. */
function splitName(name: string): { firstName: string; lastName: string } {
  const [firstName, ...rest] = name.trim().split(/\s+/);
  return { firstName, lastName: rest.join(' ') };
}

const developmentSecret = 'pstage-development-secret-not-for-production';

/** Parses the environment once. In production every secret and the database are required. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production) {
    if (!e.DATABASE_URL) problems.push('DATABASE_URL is required in production (postgres://…)');
    if (!e.ENCRYPTION_KEY) problems.push('ENCRYPTION_KEY is required in production (32 characters or more)');
    if (!e.PUBLIC_BASE_URL) problems.push('PUBLIC_BASE_URL is required in production (https://…)');
    if (!e.SMTP_HOST) problems.push('SMTP_HOST is required in production');
    if (!e.MAIL_FROM)
      problems.push('MAIL_FROM is required in production (the sender of every notification, e.g. Pstage <stages@univ.example.fr>)');
    if (!e.OFFICE_EMAIL) problems.push('OFFICE_EMAIL is required in production');
    const printed = [
      'INSTITUTION_NAME',
      'INSTITUTION_STREET',
      'INSTITUTION_POSTAL_CODE',
      'INSTITUTION_CITY',
      'DEAN_NAME',
      'DEAN_CIVILITY',
    ] as const;
    for (const name of printed) {
      if (!e[name]) problems.push(`${name} is required in production (printed on every convention)`);
    }
    if (!e.SEAL_P12_PATH)
      problems.push(
        "SEAL_P12_PATH is required in production (the institution's PKCS#12 seal of signed conventions; SEAL_P12_PASSWORD its password)",
      );
    if (e.DEV_PLATFORM) problems.push('DEV_PLATFORM cannot be enabled in production');
    if (e.PSTAGE_HOLD_AT.length > 0) problems.push('PSTAGE_HOLD_AT is a hook for fault tests and cannot be set in production');
  }
  if (e.SIRENE_SOURCE === 'insee' && !e.SIRENE_API_KEY) problems.push('SIRENE_API_KEY is required when SIRENE_SOURCE=insee');
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    environment: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: `${e.DATA_DIR}/pglite` },
    dataDir: e.DATA_DIR,
    encryptionKey: e.ENCRYPTION_KEY ?? developmentSecret,
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, user: e.SMTP_USER, password: e.SMTP_PASSWORD }
      : null,
    mailFrom: e.MAIL_FROM ?? 'Pstage <no-reply@localhost>',
    officeEmail: e.OFFICE_EMAIL ?? 'stages@localhost',
    institution: {
      name: e.INSTITUTION_NAME ?? 'Université de démonstration',
      address: {
        street: e.INSTITUTION_STREET ?? '1 place de l’Université',
        postalCode: e.INSTITUTION_POSTAL_CODE ?? '75005',
        city: e.INSTITUTION_CITY ?? 'Paris',
      },
      phone: e.INSTITUTION_PHONE || undefined,
      email: e.INSTITUTION_EMAIL || undefined,
      // Every signatory is printed with their civility, the dean too (the default dean is Mme Marie Doyenne).
      dean: { civility: e.DEAN_CIVILITY ?? (e.DEAN_NAME ? undefined : 'Mme'), ...splitName(e.DEAN_NAME ?? 'Marie Doyenne') },
    },
    signature: {
      deanEmail: e.DEAN_EMAIL,
      autoSend: e.SIGNATURE_AUTO_SEND,
      seal: {
        p12Path: e.SEAL_P12_PATH ?? `${e.DATA_DIR}/seal/pstage-seal.p12`,
        password: e.SEAL_P12_PASSWORD ?? '',
        generateIfMissing: !production,
      },
      linksPerMinute: e.SIGNATURE_LINK_RATE_LIMIT,
      reminderAfterDays: e.SIGNATURE_REMINDER_DAYS,
    },
    lmsOrigins: e.LMS_ORIGINS,
    officeBootstrap: e.OFFICE_BOOTSTRAP,
    dynamicRegistrationAutoActivate: e.DYNAMIC_REGISTRATION_AUTO_ACTIVATE,
    setupCodeMinutes: e.SETUP_CODE_MINUTES,
    rateLimits: {
      launchesPerMinute: e.LAUNCH_RATE_LIMIT,
      registrationsPerHour: e.REGISTRATION_RATE_LIMIT,
      certificateUploadsPerHour: e.CERTIFICATE_UPLOAD_RATE_LIMIT,
      pdfsPerMinute: e.PDF_RATE_LIMIT,
      rosterRefreshesPerHour: e.ROSTER_REFRESH_RATE_LIMIT,
    },
    certificateQuota: e.CERTIFICATE_QUOTA,
    devPlatform: !production && (e.DEV_PLATFORM ?? true),
    liveViews: !production && e.LIVE_VIEWS,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    agsLineItemLabel: e.AGS_LINE_ITEM_LABEL,
    hostRatingsMinAnswers: e.HOST_RATINGS_MIN_ANSWERS,
    academicTutorCap: e.ACADEMIC_TUTOR_CAP,
    academicYearStart: e.ACADEMIC_YEAR_START ? parseAcademicYearStart(e.ACADEMIC_YEAR_START)! : DEFAULT_ACADEMIC_YEAR_START,
    lmsTimeoutMs: Math.round(e.LMS_TIMEOUT_SECONDS * 1000),
    today: production ? undefined : e.PSTAGE_TODAY,
    holdPoints: e.PSTAGE_HOLD_AT,
    register: registerConfig(e),
  };
}

const registerBaseUrls = {
  'recherche-entreprises': 'https://recherche-entreprises.api.gouv.fr',
  insee: 'https://api.insee.fr/api-sirene/3.11',
};

function registerConfig(e: z.infer<typeof environmentSchema>): Config['register'] {
  if (e.SIRENE_SOURCE === 'none') return { source: 'none' };
  const baseUrl = e.SIRENE_BASE_URL ?? registerBaseUrls[e.SIRENE_SOURCE];
  if (e.SIRENE_SOURCE === 'insee') return { source: 'insee', baseUrl, apiKey: e.SIRENE_API_KEY! };
  return { source: 'recherche-entreprises', baseUrl };
}
