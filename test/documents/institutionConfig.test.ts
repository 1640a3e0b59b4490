import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { sealProblem, selfSignedSeal } from '../../src/services/signature/sealCertificate';

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://pstage@db/pstage',
  ENCRYPTION_KEY: 'k'.repeat(32),
  PUBLIC_BASE_URL: 'https://pstage.univ.example.fr',
  SMTP_HOST: 'smtp.univ.example.fr',
  MAIL_FROM: 'Pstage <stages@univ.example.fr>',
  OFFICE_EMAIL: 'stages@univ.example.fr',
  INSTITUTION_NAME: 'Université de Bourgogne',
  INSTITUTION_STREET: 'Maison de l’Université, esplanade Érasme',
  INSTITUTION_POSTAL_CODE: '21000',
  INSTITUTION_CITY: 'Dijon',
  DEAN_NAME: 'Jean-Pierre de La Tour',
  DEAN_CIVILITY: 'M.',
  SEAL_P12_PATH: '/etc/pstage/seal.p12',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env as NodeJS.ProcessEnv);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('the university block printed on conventions, from the configuration', () => {
  it('reads the institution and the dean (first name, then the rest as the last name)', () => {
    expect(loadConfig(production).institution).toEqual({
      name: 'Université de Bourgogne',
      address: { street: 'Maison de l’Université, esplanade Érasme', postalCode: '21000', city: 'Dijon' },
      phone: undefined,
      email: undefined,
      dean: { civility: 'M.', firstName: 'Jean-Pierre', lastName: 'de La Tour' },
    });
  });

  it('has working defaults outside production', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.institution.name).toBe('Université de démonstration');
    expect(config.mailFrom).toBe('Pstage <no-reply@localhost>');
  });

  it('prints the default dean with her civility outside production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).institution.dean).toEqual({ civility: 'Mme', firstName: 'Marie', lastName: 'Doyenne' });
  });

  it.each([
    'INSTITUTION_NAME',
    'INSTITUTION_STREET',
    'INSTITUTION_POSTAL_CODE',
    'INSTITUTION_CITY',
    'DEAN_NAME',
    'DEAN_CIVILITY',
    'MAIL_FROM',
    'SEAL_P12_PATH',
  ])('production refuses to start without %s, naming it', (name) => {
    expect(problemsOf(production)).toEqual([]);
    const problems = problemsOf({ ...production, [name]: undefined });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });
});

describe('the seal at a production start', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pstage-seal-'));
  const seal = (file: string, password: string) => ({ p12Path: path.join(folder, file), password, generateIfMissing: false });

  it('opens the configured PKCS#12 with its password, as the signer will', () => {
    writeFileSync(path.join(folder, 'good.p12'), selfSignedSeal('Université de Bourgogne', 'secret'));
    expect(sealProblem(seal('good.p12', 'secret'))).toBeNull();
  });

  it('stops the start with the reason: no file, a wrong password, not a PKCS#12', () => {
    expect(sealProblem(seal('missing.p12', 'secret'))).toBe(`SEAL_P12_PATH: no PKCS#12 file at ${path.join(folder, 'missing.p12')}`);
    expect(sealProblem(seal('good.p12', 'wrong'))).toContain('cannot be opened with SEAL_P12_PASSWORD');
    writeFileSync(path.join(folder, 'text.p12'), 'not a certificate');
    expect(sealProblem(seal('text.p12', ''))).toContain('cannot be opened with SEAL_P12_PASSWORD');
  });
});
