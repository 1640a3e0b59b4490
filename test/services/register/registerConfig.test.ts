import { ConfigError, loadConfig } from '../../../src/config';
import { registerSourceFor } from '../../../src/services/register/registerSource';

describe('the register configuration', () => {
  it('is off unless SIRENE_SOURCE names a register', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.register).toEqual({ source: 'none' });
    expect(registerSourceFor(config)).toBeNull();
  });

  it('uses the public addresses by default and SIRENE_BASE_URL when given', () => {
    expect(loadConfig({ NODE_ENV: 'test', SIRENE_SOURCE: 'recherche-entreprises' }).register).toEqual({
      source: 'recherche-entreprises',
      baseUrl: 'https://recherche-entreprises.api.gouv.fr',
    });
    const insee = loadConfig({
      NODE_ENV: 'test',
      SIRENE_SOURCE: 'insee',
      SIRENE_API_KEY: 'key',
      SIRENE_BASE_URL: 'http://127.0.0.1:9/sirene',
    });
    expect(insee.register).toEqual({ source: 'insee', baseUrl: 'http://127.0.0.1:9/sirene', apiKey: 'key' });
    expect(registerSourceFor(insee)?.name).toBe('insee');
  });

  it('refuses to start with INSEE and no API key, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', SIRENE_SOURCE: 'insee' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', SIRENE_SOURCE: 'insee' })).toThrow(/SIRENE_API_KEY/);
  });
});
