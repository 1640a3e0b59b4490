import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const listFromEnv = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: z.url().optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATA_DIR: z.string().default('./data'),
  ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().default(587),
  SMTP_SECURE: booleanFromEnv.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().default('Pstage <no-reply@localhost>'),
  LMS_ORIGINS: listFromEnv.default([]),
  OFFICE_BOOTSTRAP: listFromEnv.default([]),
  OFFICE_EMAIL: z.string().optional(),
  DYNAMIC_REGISTRATION_AUTO_ACTIVATE: booleanFromEnv.default(false),
  DEV_PLATFORM: booleanFromEnv.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export interface Config {
  environment: 'development' | 'test' | 'production';
  production: boolean;
  port: number;
  publicBaseUrl: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  encryptionKey: string;
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string } | null;
  mailFrom: string;
  officeEmail: string;
  lmsOrigins: string[];
  officeBootstrap: string[];
  dynamicRegistrationAutoActivate: boolean;
  devPlatform: boolean;
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Configuration invalide / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
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
    if (!e.OFFICE_EMAIL) problems.push('OFFICE_EMAIL is required in production');
    if (e.DEV_PLATFORM) problems.push('DEV_PLATFORM cannot be enabled in production');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    environment: e.NODE_ENV,
    production,
    port: e.PORT,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: `${e.DATA_DIR}/pglite` },
    dataDir: e.DATA_DIR,
    encryptionKey: e.ENCRYPTION_KEY ?? developmentSecret,
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, user: e.SMTP_USER, password: e.SMTP_PASSWORD }
      : null,
    mailFrom: e.MAIL_FROM,
    officeEmail: e.OFFICE_EMAIL ?? 'stages@localhost',
    lmsOrigins: e.LMS_ORIGINS,
    officeBootstrap: e.OFFICE_BOOTSTRAP,
    dynamicRegistrationAutoActivate: e.DYNAMIC_REGISTRATION_AUTO_ACTIVATE,
    devPlatform: !production && (e.DEV_PLATFORM ?? true),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}
