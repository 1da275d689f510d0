import pino from 'pino';
import { currentContext } from './context';

/**
 * Structured JSON logs. Personal data never belongs in a log line: fields that commonly carry it are
 * censored even if a caller passes them by mistake.
 */
export const PII_KEYS = [
  'pin', 'name', 'firstName', 'lastName', 'patronymic', 'fullName', 'birthDate', 'phone', 'email', 'address',
  'certificate', 'subject', 'signature', 'password', 'totp', 'accessCode', 'token', 'authorization', 'cookie',
];

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: process.env.SERVICE_NAME ?? 'kg-platform' },
  redact: { paths: [...PII_KEYS, ...PII_KEYS.map((k) => `*.${k}`), 'req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  mixin() {
    const ctx = currentContext();
    return ctx ? { requestId: ctx.requestId } : {};
  },
});
export type Logger = typeof logger;
