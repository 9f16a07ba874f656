import { registerEnumType } from '@nestjs/graphql';
import { Role } from './roles.js';

export enum Lang {
  ES = 'ES',
  EN = 'EN',
}

export enum RubricStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(Role, { name: 'Role', description: 'What a user may do; a user holds one or more.' });
registerEnumType(Lang, { name: 'Lang' });
registerEnumType(RubricStatus, {
  name: 'RubricStatus',
  description: 'PUBLISHED is the active version; ARCHIVED ones were active before; a DRAFT is being edited.',
});

export { Role };
