import { AuditEntryEntity } from '../audit/entities/audit-entry.entity.js';
import { CriterionEntity } from '../rubric/entities/criterion.entity.js';
import { RubricVersionEntity } from '../rubric/entities/rubric-version.entity.js';
import { TeamCoachEntity } from '../team/entities/team-coach.entity.js';
import { TeamEntity } from '../team/entities/team.entity.js';
import { UserEntity } from '../user/entities/user.entity.js';

/** Every entity, listed (not globbed) so that compiled and test runs see the same set. */
export const ENTITIES = [UserEntity, TeamEntity, TeamCoachEntity, RubricVersionEntity, CriterionEntity, AuditEntryEntity];
