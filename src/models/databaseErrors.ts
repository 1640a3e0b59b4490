/** PostgreSQL SQLSTATEs that mean "the server is not there right now", not "this query is wrong". */
const unavailableCodes = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
]);

/** Socket errors of the driver, from Node. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** What `pg` says when a connection died or could not be had, without a code. */
const driverMessages = [
  'Connection terminated',
  'connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];

/**
 * The driver's error that says the database could not be reached (looked for in `cause`, where drizzle puts
 * the driver's), or undefined when the error is about the query itself. Its message names no data.
 */
export function databaseFailureOf(error: unknown): { code?: string; message: string } | undefined {
  for (
    let current = error, depth = 0;
    current && typeof current === 'object' && depth < 5;
    current = (current as { cause?: unknown }).cause, depth += 1
  ) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    // drizzle's own message quotes the query's parameters: user text, never a driver's verdict.
    const text = typeof message === 'string' && !('query' in current) ? message : '';
    if (typeof code === 'string' && (unavailableCodes.has(code) || socketCodes.has(code))) return { code, message: text };
    if (driverMessages.some((known) => text.includes(known))) return { message: text };
    if (current instanceof AggregateError) {
      const inner = current.errors.map(databaseFailureOf).find(Boolean);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** True when the request should get a 503 (try again soon), not a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseFailureOf(error) !== undefined;
}
