import { AuditEntryEntity } from '../audit/entities/audit-entry.entity.js';
import { CallEntity } from '../call/entities/call.entity.js';
import { CoachingPlanEntity } from '../coaching/entities/coaching-plan.entity.js';
import { CoachingSessionEntity } from '../coaching/entities/coaching-session.entity.js';
import { DisputeEntity } from '../evaluation/entities/dispute.entity.js';
import { EvaluationAnswerEntity } from '../evaluation/entities/evaluation-answer.entity.js';
import { EvaluationEntity } from '../evaluation/entities/evaluation.entity.js';
import { CallImportEntity } from '../import/call-import.entity.js';
import { CriterionEntity } from '../rubric/entities/criterion.entity.js';
import { RubricVersionEntity } from '../rubric/entities/rubric-version.entity.js';
import { TeamCoachEntity } from '../team/entities/team-coach.entity.js';
import { TeamEntity } from '../team/entities/team.entity.js';
import { UserEntity } from '../user/entities/user.entity.js';
import { AssignmentEntity } from '../sampling/entities/assignment.entity.js';
import { SamplingDrawEntity } from '../sampling/entities/sampling-draw.entity.js';
import { SamplingPlanEntity } from '../sampling/entities/sampling-plan.entity.js';

/** Every entity, listed (not globbed) so that compiled and test runs see the same set. */
export const ENTITIES = [
  UserEntity,
  TeamEntity,
  TeamCoachEntity,
  RubricVersionEntity,
  CriterionEntity,
  AuditEntryEntity,
  CallEntity,
  EvaluationEntity,
  EvaluationAnswerEntity,
  DisputeEntity,
  CallImportEntity,
  CoachingPlanEntity,
  CoachingSessionEntity,
  SamplingPlanEntity,
  SamplingDrawEntity,
  AssignmentEntity,
];
