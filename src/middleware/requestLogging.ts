import pino from 'pino';
import { pinoHttp } from 'pino-http';

export function createLogger(level: string) {
  return pino({ level, redact: ['req.headers.cookie', 'req.headers.authorization'] });
}

export function setUpRequestLogging(logger: pino.Logger) {
  return pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/health' || (req.url ?? '').startsWith('/assets') } });
}
