import { SetMetadata } from '@nestjs/common';
import { Permission } from './permissions.js';
import type { PermissionName, Policy } from './permissions.js';

export const POLICY_METADATA = 'decalogo:policy';

/** The one decorator that declares who may call a resolver method (or HTTP route). */
export const Allow = (permission: PermissionName): MethodDecorator & ClassDecorator =>
  SetMetadata<string, Policy>(POLICY_METADATA, Permission[permission]);
