import { ConfigError, loadConfig } from '../../src/config';

describe('the hold points of the fault tests', () => {
  it('are read from PSTAGE_HOLD_AT outside production', () => {
    expect(loadConfig({ NODE_ENV: 'test', PSTAGE_HOLD_AT: 'convention.submit, outbox.mail.delivered' }).holdPoints).toEqual([
      'convention.submit',
      'outbox.mail.delivered',
    ]);
    expect(loadConfig({ NODE_ENV: 'test' }).holdPoints).toEqual([]);
  });

  it('stop a production start-up, named', () => {
    let thrown: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', PSTAGE_HOLD_AT: 'convention.submit' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems).toContain('PSTAGE_HOLD_AT is a hook for fault tests and cannot be set in production');
  });
});
