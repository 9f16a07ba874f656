import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { unauthenticated } from '../common/errors.js';
import type { Actor } from './actor.js';
import { requestOf } from './auth.guard.js';

/** The signed-in caller, as the guard loaded it. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = requestOf(context).actor;
  if (!actor) throw unauthenticated();
  return actor;
});
