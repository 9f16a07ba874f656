/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type AnswerInput = {
  /** The criterion code, e.g. R3. */
  code: string;
  /** Required at submit for answers of 0 or 1: the evidence the agent can check. */
  comment?: string | null | undefined;
  /** Where in the call the evidence is, in seconds from the start. */
  evidenceSeconds?: number | null | undefined;
  /** 0–4; null is N/A (only where the criterion allows it); omitted keeps the saved value. */
  value?: number | null | undefined;
};

export type CallDirection =
  | 'INBOUND'
  | 'OUTBOUND';

export type CallPurpose =
  | 'COLLECTIONS_EARLY'
  | 'COLLECTIONS_LATE'
  | 'COLLECTIONS_MID'
  | 'COMPLAINT'
  | 'FEEDBACK'
  | 'OTHER'
  | 'POST_SALE'
  | 'RETENTION'
  | 'SALES'
  | 'SUPPORT';

/** OVERDUE: an ACTIVE plan past its due date. */
export type CoachingPlanStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'OVERDUE';

/** UPHOLD keeps the answers; AMEND changes them and recomputes the score. */
export type DisputeDecision =
  | 'AMEND'
  | 'UPHOLD';

export type DisputeInput = {
  /** The criteria contested. */
  codes: Array<string>;
  reason: string;
};

export type EvaluationInput = {
  /** Answers to set, by code; criteria not listed keep their saved answer. */
  answers?: Array<AnswerInput> | null | undefined;
  comment?: string | null | undefined;
  resolution?: Resolution | null | undefined;
  /** Only meaningful when a supervisor was requested. */
  supervisorProvided?: boolean | null | undefined;
  supervisorRequested?: boolean | null | undefined;
};

/** DRAFT → SUBMITTED → ACKNOWLEDGED, or → DISPUTED → RESOLVED. */
export type EvaluationStatus =
  | 'ACKNOWLEDGED'
  | 'DISPUTED'
  | 'DRAFT'
  | 'RESOLVED'
  | 'SUBMITTED';

export type Lang =
  | 'EN'
  | 'ES';

export type Resolution =
  | 'PARTIAL'
  | 'RESOLVED'
  | 'UNRESOLVED';

/** What a user may do; a user holds one or more. */
export type Role =
  | 'ADMIN'
  | 'AGENT'
  | 'COACH'
  | 'EVALUATOR';

/** PUBLISHED is the active version; ARCHIVED ones were active before; a DRAFT is being edited. */
export type RubricStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED';

export type Speaker =
  | 'AGENT'
  | 'CUSTOMER';

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { accessToken: string, user: { id: string, email: string, name: string, roles: Array<Role>, locale: string } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, name: string, roles: Array<Role>, locale: string } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MyFeedbackQueryVariables = Exact<{
  lang?: Lang | null | undefined;
}>;


export type MyFeedbackQuery = { evaluations: { nodes: Array<{ id: string, status: EvaluationStatus, score: number | null, rawScore: number | null, criticalFailure: boolean | null, submittedAt: string | null, disputableUntil: string | null, callStartedAt: string, comment: string | null, evaluator: { name: string }, call: { externalId: string, purpose: CallPurpose }, answers: Array<{ value: number | null, notApplicable: boolean, comment: string | null, evidenceSeconds: number | null, criterion: { code: string, title: string } }>, dispute: { codes: Array<string>, reason: string, decision: DisputeDecision | null, resolutionComment: string | null } | null }> }, coachingPlans: Array<{ id: string, status: CoachingPlanStatus, focusCodes: Array<string>, targetFocusScore: number, dueDate: string, baseline: number | null, current: number | null, coach: { name: string }, sessions: Array<{ id: string, date: string, notes: string, agreedActions: string | null, acknowledgedAt: string | null }> }> };

export type AcknowledgeEvaluationMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeEvaluationMutation = { acknowledgeEvaluation: { id: string, status: EvaluationStatus } };

export type DisputeEvaluationMutationVariables = Exact<{
  id: string | number;
  input: DisputeInput;
}>;


export type DisputeEvaluationMutation = { disputeEvaluation: { id: string, status: EvaluationStatus } };

export type AcknowledgeSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeSessionMutation = { acknowledgeCoachingSession: { id: string, acknowledgedAt: string | null } };

export type ActiveRubricQueryVariables = Exact<{
  lang?: Lang | null | undefined;
}>;


export type ActiveRubricQuery = { activeRubric: { id: string, number: number, status: RubricStatus, publishedAt: string | null, criteria: Array<{ code: string, weight: number, critical: boolean, naAllowed: boolean, position: number, title: string, listenFor: string }> } };

export type QueueQueryVariables = Exact<{
  me: string | number;
}>;


export type QueueQuery = { drafts: { nodes: Array<{ id: string, callStartedAt: string, agent: { name: string }, call: { externalId: string, purpose: CallPurpose } }> }, waiting: { nodes: Array<{ id: string, externalId: string, startedAt: string, durationSeconds: number, purpose: CallPurpose, direction: CallDirection, agent: { id: string, name: string }, evaluations: Array<{ id: string, status: EvaluationStatus }> }> } };

export type StartEvaluationMutationVariables = Exact<{
  callId: string | number;
}>;


export type StartEvaluationMutation = { startEvaluation: { id: string } };

export type EvaluationWorkspaceQueryVariables = Exact<{
  id: string | number;
  lang?: Lang | null | undefined;
}>;


export type EvaluationWorkspaceQuery = { evaluation: { id: string, status: EvaluationStatus, version: number, score: number | null, rawScore: number | null, criticalFailure: boolean | null, resolution: Resolution | null, supervisorRequested: boolean | null, supervisorProvided: boolean | null, comment: string | null, agent: { name: string }, call: { externalId: string, startedAt: string, durationSeconds: number, direction: CallDirection, purpose: CallPurpose, recordingUrl: string | null, transcript: Array<{ speaker: Speaker, text: string, offsetSeconds: number | null }> }, rubricVersion: { number: number, criteria: Array<{ code: string, weight: number, critical: boolean, naAllowed: boolean, position: number, title: string, listenFor: string }> }, answers: Array<{ value: number | null, notApplicable: boolean, comment: string | null, evidenceSeconds: number | null, criterion: { code: string } }> } | null };

export type SaveEvaluationMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: EvaluationInput;
}>;


export type SaveEvaluationMutation = { saveEvaluation: { id: string, version: number } };

export type SubmitEvaluationMutationVariables = Exact<{
  id: string | number;
  version: number;
}>;


export type SubmitEvaluationMutation = { submitEvaluation: { id: string, version: number, status: EvaluationStatus, score: number | null, rawScore: number | null, criticalFailure: boolean | null } };
