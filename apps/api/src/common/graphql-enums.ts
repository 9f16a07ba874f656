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

export enum CallDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}

export enum CallPurpose {
  SUPPORT = 'SUPPORT',
  COMPLAINT = 'COMPLAINT',
  SALES = 'SALES',
  POST_SALE = 'POST_SALE',
  RETENTION = 'RETENTION',
  FEEDBACK = 'FEEDBACK',
  COLLECTIONS_EARLY = 'COLLECTIONS_EARLY',
  COLLECTIONS_MID = 'COLLECTIONS_MID',
  COLLECTIONS_LATE = 'COLLECTIONS_LATE',
  OTHER = 'OTHER',
}

export enum Speaker {
  AGENT = 'AGENT',
  CUSTOMER = 'CUSTOMER',
}

export enum EvaluationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  DISPUTED = 'DISPUTED',
  RESOLVED = 'RESOLVED',
}

export enum Resolution {
  RESOLVED = 'RESOLVED',
  PARTIAL = 'PARTIAL',
  UNRESOLVED = 'UNRESOLVED',
}

export enum DisputeDecision {
  UPHOLD = 'UPHOLD',
  AMEND = 'AMEND',
}

registerEnumType(CallDirection, { name: 'CallDirection' });
registerEnumType(CallPurpose, { name: 'CallPurpose' });
registerEnumType(Speaker, { name: 'Speaker' });
registerEnumType(EvaluationStatus, {
  name: 'EvaluationStatus',
  description: 'DRAFT → SUBMITTED → ACKNOWLEDGED, or → DISPUTED → RESOLVED.',
});
registerEnumType(Resolution, { name: 'Resolution' });
registerEnumType(DisputeDecision, {
  name: 'DisputeDecision',
  description: 'UPHOLD keeps the answers; AMEND changes them and recomputes the score.',
});

export enum CoachingMethod {
  SOCRATIC_QUESTIONING = 'SOCRATIC_QUESTIONING',
  DIALECTIC = 'DIALECTIC',
  CALL_REVIEW = 'CALL_REVIEW',
  ROLE_PLAY = 'ROLE_PLAY',
  SIDE_BY_SIDE = 'SIDE_BY_SIDE',
  WORKSHOP = 'WORKSHOP',
  SEMINAR = 'SEMINAR',
  MOTIVATIONAL_TALK = 'MOTIVATIONAL_TALK',
}

export enum CoachingPlanStatus {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  OVERDUE = 'OVERDUE',
}

registerEnumType(CoachingMethod, { name: 'CoachingMethod' });
registerEnumType(CoachingPlanStatus, { name: 'CoachingPlanStatus', description: 'OVERDUE: an ACTIVE plan past its due date.' });

export enum AssignmentStatus {
  OPEN = 'OPEN',
  STARTED = 'STARTED',
  DONE = 'DONE',
  OVERDUE = 'OVERDUE',
}

export enum AssignmentReason {
  PLAN = 'PLAN',
  RISK_FLAG = 'RISK_FLAG',
}

registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'OPEN → STARTED (its evaluation begun) → DONE (submitted); OVERDUE: not done after its due date.',
});
registerEnumType(AssignmentReason, {
  name: 'AssignmentReason',
  description: 'Why a call is in the queue: drawn by a sampling plan, or drawn for a risk flag of its automatic pre-scoring.',
});

export { Role };
