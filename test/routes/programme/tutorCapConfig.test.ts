import { ConfigError, loadConfig } from '../../../src/config';

describe('the academic tutor cap of the programme panel', () => {
  it('is 16 interns by default and configurable with ACADEMIC_TUTOR_CAP', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).academicTutorCap).toBe(16);
    expect(loadConfig({ NODE_ENV: 'test', ACADEMIC_TUTOR_CAP: '12' }).academicTutorCap).toBe(12);
  });

  it.each(['0', 'seize', '2.5'])('refuses ACADEMIC_TUTOR_CAP=%s at start-up', (value) => {
    expect(() => loadConfig({ NODE_ENV: 'test', ACADEMIC_TUTOR_CAP: value })).toThrow(ConfigError);
  });
});
