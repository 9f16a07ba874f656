import { SetMetadata } from '@nestjs/common';
import { isPublic, rolesFor } from '@decalogo/access';
import type { Action, Role } from '@decalogo/access';

export const POLICY_METADATA = 'decalogo:policy';

/**
 * What the guard decides from: the action of the access table (libs/access, docs/access-table.md)
 * and the roles that may take it. Which records of it a caller reaches is AccessService's part.
 */
export type Policy =
  | { readonly action: Action; readonly public: true }
  | { readonly action: Action; readonly public?: false; readonly roles: readonly Role[] };

export const policyOf = (action: Action): Policy =>
  isPublic(action) ? { action, public: true } : { action, roles: rolesFor(action) };

/** The one decorator that declares who may call a resolver method (or HTTP route): an action of the table. */
export const Allow = (action: Action): MethodDecorator & ClassDecorator =>
  SetMetadata<string, Policy>(POLICY_METADATA, policyOf(action));
