import { isDatabaseUnavailable } from '../../src/models/databaseErrors';

const pgError = (code: string, message = 'error') => Object.assign(new Error(message), { code });
const drizzleError = (cause: unknown) =>
  Object.assign(new Error('Failed query: select 1\nparams: '), { query: 'select 1', params: [], cause });

describe('which database errors mean "unreachable" (503) rather than "wrong query" (500)', () => {
  it.each([
    ['admin_shutdown (pg_terminate_backend)', pgError('57P01')],
    ['crash_shutdown', pgError('57P02')],
    ['cannot_connect_now (starting up)', pgError('57P03')],
    ['connection_failure', pgError('08006')],
    ['too many connections', pgError('53300')],
    ['a refused connection', pgError('ECONNREFUSED')],
    ['a reset connection', pgError('ECONNRESET')],
    ['a connection the server closed', new Error('Connection terminated unexpectedly')],
    ['a pool that waited too long for a connection', new Error('timeout exceeded when trying to connect')],
    ['any of those wrapped by drizzle', drizzleError(pgError('57P01'))],
    [
      'a refused connection to every address of a name',
      drizzleError(new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')])),
    ],
  ])('%s is unreachable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['an integer out of range', drizzleError(pgError('22003'))],
    ['a unique violation', drizzleError(pgError('23505'))],
    ['a NUL character in text', drizzleError(pgError('22021'))],
    [
      'a failed query whose parameters quote the driver’s words',
      Object.assign(new Error('Failed query: insert\nparams: Connection terminated'), { query: 'insert', cause: pgError('23505') }),
    ],
    ['a plain bug', new TypeError('undefined is not a function')],
    ['nothing', undefined],
  ])('%s is not', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
