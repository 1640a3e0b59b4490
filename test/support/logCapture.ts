import pino from 'pino';

export interface LogEntry {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A real pino logger whose lines are kept in memory, to assert on what was logged (and how often). */
export function capturingLogger() {
  const entries: LogEntry[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void entries.push(JSON.parse(line) as LogEntry) });
  return { logger, entries, count: (msg: string) => entries.filter((entry) => entry.msg === msg).length };
}
