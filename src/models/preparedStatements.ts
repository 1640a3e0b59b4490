import type { Executor } from './database';

/** Statements built once per database handle (or transaction): tests run several apps, each with its own database. */
const built = new WeakMap<object, Map<string, unknown>>();

/**
 * A query of the hot path (read on every page) built once and run as a prepared statement (`.prepare(name)`):
 * drizzle builds its SQL once instead of at every request, and PostgreSQL parses it once per connection. `name`
 * must be unique to the statement's text (node-postgres refuses one name for two texts on a connection).
 */
export function preparedStatement<T>(db: Executor, name: string, build: (db: Executor) => T): T {
  let statements = built.get(db);
  if (!statements) built.set(db, (statements = new Map()));
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    statements.set(name, statement);
  }
  return statement;
}
