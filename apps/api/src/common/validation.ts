import { ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { ValidationError } from 'class-validator';
import { badInput } from './errors.js';

function flatten(errors: ValidationError[], prefix: string): Array<{ field: string; message: string }> {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
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

/**
 * Validates a plain object (a REST route's query string, already in the shapes the DTO expects)
 * with the same DTO and rules as the GraphQL argument it mirrors. Unknown properties are dropped;
 * the error names each field as the client sent it (`from`, `minScore`).
 */
export async function validated<T extends object>(type: new () => T, plain: Record<string, unknown>): Promise<T> {
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, { whitelist: true });
  if (errors.length) {
    const issues = flatten(errors, '');
    throw badInput(issues.map((issue) => issue.message).join('; '), issues[0]?.field, { issues });
  }
  return instance;
}
