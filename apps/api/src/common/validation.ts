import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { badInput } from './errors.js';

function flatten(errors: ValidationError[], prefix: string): Array<{ field: string; message: string }> {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field: path, message: `${path}: ${message}` }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * Validates every input object at the edge; unknown properties are refused. The error is
 * BAD_USER_INPUT naming each field (e.g. `input.email`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const issues = flatten(errors, 'input');
      return badInput(issues.map((issue) => issue.message).join('; '), issues[0]?.field, { issues });
    },
  });
}
