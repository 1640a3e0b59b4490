/** The variables a production configuration requires (no server behind them): for tests of `loadConfig` alone. */
export const productionEnv = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://db/pstage',
  ENCRYPTION_KEY: 'x'.repeat(32),
  PUBLIC_BASE_URL: 'https://pstage.example.fr',
  SMTP_HOST: 'smtp',
  MAIL_FROM: 'Pstage <p@example.fr>',
  OFFICE_EMAIL: 'stages@example.fr',
  INSTITUTION_NAME: 'U',
  INSTITUTION_STREET: 'r',
  INSTITUTION_POSTAL_CODE: '75005',
  INSTITUTION_CITY: 'Paris',
  DEAN_NAME: 'Marie Doyenne',
  DEAN_CIVILITY: 'Mme',
  SEAL_P12_PATH: '/etc/pstage/seal.p12',
};
