import { Transform } from 'class-transformer';
import { redactSensitive } from './redact.js';

/**
 * Free text that may quote a customer: card numbers and security codes are masked as the input
 * arrives (the global ValidationPipe transforms), before any service, audit entry or log sees it.
 */
export const Redacted = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? redactSensitive(value) : value));
