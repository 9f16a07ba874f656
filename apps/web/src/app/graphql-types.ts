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

export type CoachingMethod =
  | 'CALL_REVIEW'
  | 'DIALECTIC'
  | 'MOTIVATIONAL_TALK'
  | 'ROLE_PLAY'
  | 'SEMINAR'
  | 'SIDE_BY_SIDE'
  | 'SOCRATIC_QUESTIONING'
  | 'WORKSHOP';

/** OVERDUE: an ACTIVE plan past its due date. */
export type CoachingPlanStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'OVERDUE';

export type CoachingSessionInput = {
  agreedActions?: string | null | undefined;
  date: string;
  notes: string;
};

export type CreateCoachingPlanInput = {
  agentId: string | number;
  dueDate: string;
  /** 1–3 criterion codes of the active rubric. */
  focusCodes: Array<string>;
  methods: Array<CoachingMethod>;
  notes?: string | null | undefined;
  startDate: string;
  /** The focus score to reach, 0–100. */
  targetFocusScore: number;
};

export type CreateTeamInput = {
  coachIds?: Array<string | number> | null | undefined;
  name: string;
};

export type CreateUserInput = {
  email: string;
  /** es (default) or en */
  locale?: string | null | undefined;
  name: string;
  password: string;
  roles: Array<Role>;
  teamId?: string | number | null | undefined;
};

export type CriterionInput = {
  /** Stable code such as R1; keep it when the rule means the same thing. */
  code: string;
  critical: boolean;
  listenForEn: string;
  listenForEs: string;
  naAllowed: boolean;
  titleEn: string;
  titleEs: string;
  weight: number;
};

/** UPHOLD keeps the answers; AMEND changes them and recomputes the score. */
export type DisputeDecision =
  | 'AMEND'
  | 'UPHOLD';

export type DisputeInput = {
  /** The criteria contested. */
  codes: Array<string>;
  reason: string;
};

export type EvaluationFilter = {
  agentId?: string | number | null | undefined;
  criticalFailure?: boolean | null | undefined;
  evaluatorId?: string | number | null | undefined;
  /** Calls that started at or after this instant. */
  from?: string | null | undefined;
  maxScore?: number | null | undefined;
  minScore?: number | null | undefined;
  status?: Array<EvaluationStatus> | null | undefined;
  teamId?: string | number | null | undefined;
  /** Calls that started before this instant. */
  to?: string | null | undefined;
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

export type ResolveDisputeInput = {
  /** AMEND: the new answers of the contested criteria. */
  answers?: Array<AnswerInput> | null | undefined;
  comment: string;
  decision: DisputeDecision;
};

/** What a user may do; a user holds one or more. */
export type Role =
  | 'ADMIN'
  | 'AGENT'
  | 'COACH'
  | 'EVALUATOR';

export type RubricDraftInput = {
  /** The full, ordered list of criteria (replaces the draft’s list). */
  criteria: Array<CriterionInput>;
};

/** PUBLISHED is the active version; ARCHIVED ones were active before; a DRAFT is being edited. */
export type RubricStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED';

export type Speaker =
  | 'AGENT'
  | 'CUSTOMER';

/** What to change in an active plan; fields left out keep their value. The start date cannot change: the baseline (the 30 days before it) is defined by it. */
export type UpdateCoachingPlanInput = {
  /** After the start date, which stays as it is: the baseline is measured over the 30 days before it. */
  dueDate?: string | null | undefined;
  /** 1–3 criterion codes of the active rubric. */
  focusCodes?: Array<string> | null | undefined;
  methods?: Array<CoachingMethod> | null | undefined;
  notes?: string | null | undefined;
  /** The focus score to reach, 0–100. */
  targetFocusScore?: number | null | undefined;
};

export type UpdateTeamInput = {
  /** The full list of coaches (replaces the current one). */
  coachIds?: Array<string | number> | null | undefined;
  name?: string | null | undefined;
};

export type UpdateUserInput = {
  active?: boolean | null | undefined;
  /** Required when users change their own password. */
  currentPassword?: string | null | undefined;
  locale?: string | null | undefined;
  name?: string | null | undefined;
  /** A new password; changing it signs the user out everywhere. */
  password?: string | null | undefined;
  roles?: Array<Role> | null | undefined;
  /** null removes the user from their team */
  teamId?: string | number | null | undefined;
};

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { accessToken: string, user: { id: string, email: string, name: string, roles: Array<Role>, locale: string } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, name: string, roles: Array<Role>, locale: string } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type AuditLogQueryVariables = Exact<{
  entityId?: string | number | null | undefined;
  entityType?: string | null | undefined;
  actorId?: string | number | null | undefined;
  action?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { nodes: Array<{ id: string, at: string, action: string, entityType: string, entityId: string, before: string | null, after: string | null, actor: { id: string, name: string, email: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditActorsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditActorsQuery = { users: Array<{ id: string, name: string, email: string }> };

export type PersonFieldsFragment = { id: string, email: string, name: string, roles: Array<Role>, active: boolean, locale: string, team: { id: string, name: string } | null };

export type PeopleUsersQueryVariables = Exact<{
  role?: Role | null | undefined;
  teamId?: string | number | null | undefined;
}>;


export type PeopleUsersQuery = { users: Array<{ id: string, email: string, name: string, roles: Array<Role>, active: boolean, locale: string, team: { id: string, name: string } | null }>, teams: Array<{ id: string, name: string }> };

export type PeopleTeamsQueryVariables = Exact<{ [key: string]: never; }>;


export type PeopleTeamsQuery = { teams: Array<{ id: string, name: string, agents: Array<{ id: string, name: string, active: boolean }>, coaches: Array<{ id: string, name: string, active: boolean }> }>, coaches: Array<{ id: string, name: string, email: string, active: boolean }> };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, email: string, name: string, roles: Array<Role>, active: boolean, locale: string, team: { id: string, name: string } | null } };

export type UpdateUserMutationVariables = Exact<{
  id: string | number;
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { id: string, email: string, name: string, roles: Array<Role>, active: boolean, locale: string, team: { id: string, name: string } | null } };

export type CreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;


export type CreateTeamMutation = { createTeam: { id: string } };

export type UpdateTeamMutationVariables = Exact<{
  id: string | number;
  input: UpdateTeamInput;
}>;


export type UpdateTeamMutation = { updateTeam: { id: string } };

export type RubricVersionFieldsFragment = { id: string, number: number, status: RubricStatus, publishedAt: string | null, criteria: Array<{ code: string, weight: number, critical: boolean, naAllowed: boolean, position: number, titleEs: string, titleEn: string, listenForEs: string, listenForEn: string }> };

export type RubricVersionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RubricVersionsQuery = { rubricVersions: Array<{ id: string, number: number, status: RubricStatus, publishedAt: string | null, criteria: Array<{ code: string, weight: number, critical: boolean, naAllowed: boolean, position: number, titleEs: string, titleEn: string, listenForEs: string, listenForEn: string }> }> };

export type CreateRubricDraftMutationVariables = Exact<{ [key: string]: never; }>;


export type CreateRubricDraftMutation = { createRubricDraft: { id: string, number: number, status: RubricStatus, publishedAt: string | null, criteria: Array<{ code: string, weight: number, critical: boolean, naAllowed: boolean, position: number, titleEs: string, titleEn: string, listenForEs: string, listenForEn: string }> } };

export type UpdateRubricDraftMutationVariables = Exact<{
  id: string | number;
  input: RubricDraftInput;
}>;


export type UpdateRubricDraftMutation = { updateRubricDraft: { id: string, number: number, status: RubricStatus, publishedAt: string | null, criteria: Array<{ code: string, weight: number, critical: boolean, naAllowed: boolean, position: number, titleEs: string, titleEn: string, listenForEs: string, listenForEn: string }> } };

export type PublishRubricVersionMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishRubricVersionMutation = { publishRubricVersion: { id: string, number: number, status: RubricStatus, publishedAt: string | null, criteria: Array<{ code: string, weight: number, critical: boolean, naAllowed: boolean, position: number, titleEs: string, titleEn: string, listenForEs: string, listenForEn: string }> } };

export type CoachingPlansQueryVariables = Exact<{
  status?: CoachingPlanStatus | null | undefined;
  lang?: Lang | null | undefined;
}>;


export type CoachingPlansQuery = { coachingPlans: Array<{ id: string, status: CoachingPlanStatus, focusCodes: Array<string>, targetFocusScore: number, startDate: string, dueDate: string, baseline: number | null, current: number | null, delta: number | null, achieved: boolean, agent: { id: string, name: string } }>, activeRubric: { criteria: Array<{ code: string, title: string }> } };

export type NewPlanAgentsQueryVariables = Exact<{
  lang?: Lang | null | undefined;
}>;


export type NewPlanAgentsQuery = { users: Array<{ id: string, name: string, active: boolean, team: { name: string } | null }>, activeRubric: { criteria: Array<{ code: string, title: string, weight: number, critical: boolean }> } };

export type NewPlanSuggestionQueryVariables = Exact<{
  agentId: string | number;
}>;


export type NewPlanSuggestionQuery = { suggestedFocus: Array<{ code: string }> };

export type CreateCoachingPlanMutationVariables = Exact<{
  input: CreateCoachingPlanInput;
}>;


export type CreateCoachingPlanMutation = { createCoachingPlan: { id: string } };

export type CoachingPlanPageQueryVariables = Exact<{
  id: string | number;
  lang?: Lang | null | undefined;
}>;


export type CoachingPlanPageQuery = { coachingPlan: { id: string, version: number, status: CoachingPlanStatus, focusCodes: Array<string>, methods: Array<CoachingMethod>, targetFocusScore: number, startDate: string, dueDate: string, notes: string | null, baseline: number | null, current: number | null, delta: number | null, evaluationsSinceStart: number, achieved: boolean, agent: { id: string, name: string }, coach: { id: string, name: string }, sessions: Array<{ id: string, date: string, notes: string, agreedActions: string | null, acknowledgedAt: string | null }> } | null, activeRubric: { criteria: Array<{ code: string, title: string }> } };

export type PlanEvaluationsQueryVariables = Exact<{
  filter: EvaluationFilter;
  after?: string | null | undefined;
}>;


export type PlanEvaluationsQuery = { evaluations: { nodes: Array<{ id: string, status: EvaluationStatus, score: number | null, criticalFailure: boolean | null, callStartedAt: string, evaluator: { name: string }, call: { externalId: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LogCoachingSessionMutationVariables = Exact<{
  planId: string | number;
  input: CoachingSessionInput;
}>;


export type LogCoachingSessionMutation = { logCoachingSession: { id: string } };

export type AcknowledgeCoachingSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeCoachingSessionMutation = { acknowledgeCoachingSession: { id: string, acknowledgedAt: string | null } };

export type UpdateCoachingPlanMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: UpdateCoachingPlanInput;
}>;


export type UpdateCoachingPlanMutation = { updateCoachingPlan: { id: string, version: number } };

export type CompleteCoachingPlanMutationVariables = Exact<{
  id: string | number;
  version?: number | null | undefined;
}>;


export type CompleteCoachingPlanMutation = { completeCoachingPlan: { id: string, status: CoachingPlanStatus } };

export type CancelCoachingPlanMutationVariables = Exact<{
  id: string | number;
  version?: number | null | undefined;
}>;


export type CancelCoachingPlanMutation = { cancelCoachingPlan: { id: string, status: CoachingPlanStatus } };

export type DisputeListQueryVariables = Exact<{
  status: EvaluationStatus;
  first: number;
  after?: string | null | undefined;
  lang?: Lang | null | undefined;
}>;


export type DisputeListQuery = { evaluations: { nodes: Array<{ id: string, callStartedAt: string, score: number | null, criticalFailure: boolean | null, agent: { id: string, name: string }, evaluator: { id: string, name: string }, call: { externalId: string, purpose: CallPurpose }, answers: Array<{ value: number | null, notApplicable: boolean, criterion: { code: string, title: string } }>, dispute: { codes: Array<string>, reason: string, createdAt: string, decision: DisputeDecision | null, resolutionComment: string | null, resolvedAt: string | null } | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type DisputeDetailQueryVariables = Exact<{
  id: string | number;
  lang?: Lang | null | undefined;
}>;


export type DisputeDetailQuery = { evaluation: { id: string, status: EvaluationStatus, callStartedAt: string, score: number | null, rawScore: number | null, criticalFailure: boolean | null, comment: string | null, agent: { id: string, name: string }, evaluator: { id: string, name: string }, call: { externalId: string, purpose: CallPurpose, direction: CallDirection, durationSeconds: number, transcript: Array<{ speaker: Speaker, text: string, offsetSeconds: number | null }> }, dispute: { codes: Array<string>, reason: string, createdAt: string } | null, rubricVersion: { number: number, criteria: Array<{ code: string, weight: number, critical: boolean, naAllowed: boolean, position: number, title: string, listenFor: string }> }, answers: Array<{ value: number | null, notApplicable: boolean, comment: string | null, evidenceSeconds: number | null, criterion: { code: string } }> } | null };

export type ResolveDisputeMutationVariables = Exact<{
  id: string | number;
  input: ResolveDisputeInput;
}>;


export type ResolveDisputeMutation = { resolveDispute: { id: string, status: EvaluationStatus, score: number | null, rawScore: number | null, criticalFailure: boolean | null, call: { externalId: string }, dispute: { decision: DisputeDecision | null } | null } };

export type EvaluationListQueryVariables = Exact<{
  filter?: EvaluationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EvaluationListQuery = { evaluations: { nodes: Array<{ id: string, status: EvaluationStatus, score: number | null, rawScore: number | null, criticalFailure: boolean | null, callStartedAt: string, call: { externalId: string }, agent: { id: string, name: string }, evaluator: { id: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EvaluationsFilterOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type EvaluationsFilterOptionsQuery = { agents: Array<{ id: string, name: string, team: { id: string } | null }>, teams: Array<{ id: string, name: string }> };

export type FeedbackEvaluationFieldsFragment = { id: string, status: EvaluationStatus, score: number | null, rawScore: number | null, criticalFailure: boolean | null, submittedAt: string | null, disputableUntil: string | null, callStartedAt: string, comment: string | null, evaluator: { name: string }, call: { externalId: string, purpose: CallPurpose }, answers: Array<{ value: number | null, notApplicable: boolean, comment: string | null, evidenceSeconds: number | null, criterion: { code: string, title: string } }>, dispute: { codes: Array<string>, reason: string, decision: DisputeDecision | null, resolutionComment: string | null } | null };

export type MyEvaluationsQueryVariables = Exact<{
  lang?: Lang | null | undefined;
  status: Array<EvaluationStatus> | EvaluationStatus;
  first: number;
  after?: string | null | undefined;
}>;


export type MyEvaluationsQuery = { evaluations: { nodes: Array<{ id: string, status: EvaluationStatus, score: number | null, rawScore: number | null, criticalFailure: boolean | null, submittedAt: string | null, disputableUntil: string | null, callStartedAt: string, comment: string | null, evaluator: { name: string }, call: { externalId: string, purpose: CallPurpose }, answers: Array<{ value: number | null, notApplicable: boolean, comment: string | null, evidenceSeconds: number | null, criterion: { code: string, title: string } }>, dispute: { codes: Array<string>, reason: string, decision: DisputeDecision | null, resolutionComment: string | null } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MyCoachingPlansQueryVariables = Exact<{
  lang?: Lang | null | undefined;
}>;


export type MyCoachingPlansQuery = { coachingPlans: Array<{ id: string, status: CoachingPlanStatus, focusCodes: Array<string>, targetFocusScore: number, startDate: string, dueDate: string, baseline: number | null, current: number | null, sessions: Array<{ id: string, date: string, notes: string, agreedActions: string | null, acknowledgedAt: string | null }>, coach: { name: string } }>, activeRubric: { criteria: Array<{ code: string, title: string }> } };

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

export type AgentPageQueryVariables = Exact<{
  agentId: string | number;
  from: string;
  to: string;
  lang?: Lang | null | undefined;
}>;


export type AgentPageQuery = { agentProgress: { evaluationCount: number, meanScore: number | null, trendPerWeek: number | null, consistency: number | null, marginOfError: number | null, criticalFailureRate: number | null, resolutionRate: number | null, supervisorAvailability: number | null, teamComparisonSuppressed: boolean, agent: { id: string, name: string, team: { name: string } | null }, criteria: Array<{ code: string, percent: number }>, teamCriteria: Array<{ code: string, percent: number }>, weeks: Array<{ weekStart: string, count: number, meanScore: number }> }, activeRubric: { criteria: Array<{ code: string, title: string }> }, coachingPlans: Array<{ id: string, status: CoachingPlanStatus, focusCodes: Array<string>, targetFocusScore: number, startDate: string, dueDate: string, baseline: number | null, current: number | null, coach: { name: string } }>, suggestedFocus: Array<{ code: string, title: string }> };

export type AgentEvaluationsQueryVariables = Exact<{
  filter: EvaluationFilter;
  after?: string | null | undefined;
}>;


export type AgentEvaluationsQuery = { evaluations: { nodes: Array<{ id: string, status: EvaluationStatus, score: number | null, criticalFailure: boolean | null, callStartedAt: string, evaluator: { name: string }, call: { externalId: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

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

export type TeamScreenTeamsQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamScreenTeamsQuery = { teams: Array<{ id: string, name: string }> };

export type TeamScreenOverviewQueryVariables = Exact<{
  teamId: string | number;
  from: string;
  to: string;
  lang?: Lang | null | undefined;
}>;


export type TeamScreenOverviewQuery = { teamOverview: { team: { id: string, name: string }, figures: { evaluationCount: number, meanScore: number | null, marginOfError: number | null, trendPerWeek: number | null, consistency: number | null, criticalFailureRate: number | null, resolutionRate: number | null, supervisorAvailability: number | null }, agents: Array<{ evaluationCount: number, meanScore: number | null, marginOfError: number | null, trendPerWeek: number | null, consistency: number | null, criticalFailureRate: number | null, resolutionRate: number | null, supervisorAvailability: number | null, agent: { id: string, name: string }, criteria: Array<{ code: string, mean: number, count: number }> }>, matrix: Array<{ agentId: string, code: string, mean: number, count: number }>, coaches: Array<{ requested: number, provided: number, supervisorAvailability: number | null, teamCount: number, coach: { id: string, name: string } }> }, activePlans: Array<{ id: string, status: CoachingPlanStatus, dueDate: string, focusCodes: Array<string>, agent: { id: string } }>, overduePlans: Array<{ id: string, status: CoachingPlanStatus, dueDate: string, focusCodes: Array<string>, agent: { id: string } }>, activeRubric: { criteria: Array<{ code: string, weight: number, position: number, critical: boolean, naAllowed: boolean, title: string }> } };

export type TeamScreenFiguresFragment = { evaluationCount: number, meanScore: number | null, marginOfError: number | null, trendPerWeek: number | null, consistency: number | null, criticalFailureRate: number | null, resolutionRate: number | null, supervisorAvailability: number | null };

export type TeamScreenPlanFragment = { id: string, status: CoachingPlanStatus, dueDate: string, focusCodes: Array<string>, agent: { id: string } };

export type CriterionFieldsFragment = { code: string, weight: number, critical: boolean, naAllowed: boolean, position: number, title: string, listenFor: string };

export type AnswerFieldsFragment = { value: number | null, notApplicable: boolean, comment: string | null, evidenceSeconds: number | null, criterion: { code: string } };

export type EvaluationRowFieldsFragment = { id: string, status: EvaluationStatus, score: number | null, criticalFailure: boolean | null, callStartedAt: string, evaluator: { name: string }, call: { externalId: string } };

export type CoachingSessionFieldsFragment = { id: string, date: string, notes: string, agreedActions: string | null, acknowledgedAt: string | null };

export type TranscriptTurnFieldsFragment = { speaker: Speaker, text: string, offsetSeconds: number | null };

export type ScoredFormFieldsFragment = { rubricVersion: { number: number, criteria: Array<{ code: string, weight: number, critical: boolean, naAllowed: boolean, position: number, title: string, listenFor: string }> }, answers: Array<{ value: number | null, notApplicable: boolean, comment: string | null, evidenceSeconds: number | null, criterion: { code: string } }> };

export type EvaluationRowsPageFieldsFragment = { nodes: Array<{ id: string, status: EvaluationStatus, score: number | null, criticalFailure: boolean | null, callStartedAt: string, evaluator: { name: string }, call: { externalId: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } };

export type CoachingPlanSummaryFieldsFragment = { id: string, status: CoachingPlanStatus, focusCodes: Array<string>, targetFocusScore: number, startDate: string, dueDate: string, baseline: number | null, current: number | null, coach: { name: string } };

export type RuleTitleFieldsFragment = { criteria: Array<{ code: string, title: string }> };


/** Every operation of the web app by name: its result and variables types (see core/api/typed-document.ts). */
export interface Operations {
  AcknowledgeCoachingSession: { result: AcknowledgeCoachingSessionMutation; variables: AcknowledgeCoachingSessionMutationVariables };
  AcknowledgeEvaluation: { result: AcknowledgeEvaluationMutation; variables: AcknowledgeEvaluationMutationVariables };
  AcknowledgeSession: { result: AcknowledgeSessionMutation; variables: AcknowledgeSessionMutationVariables };
  ActiveRubric: { result: ActiveRubricQuery; variables: ActiveRubricQueryVariables };
  AgentEvaluations: { result: AgentEvaluationsQuery; variables: AgentEvaluationsQueryVariables };
  AgentPage: { result: AgentPageQuery; variables: AgentPageQueryVariables };
  AuditActors: { result: AuditActorsQuery; variables: AuditActorsQueryVariables };
  AuditLog: { result: AuditLogQuery; variables: AuditLogQueryVariables };
  CancelCoachingPlan: { result: CancelCoachingPlanMutation; variables: CancelCoachingPlanMutationVariables };
  CoachingPlanPage: { result: CoachingPlanPageQuery; variables: CoachingPlanPageQueryVariables };
  CoachingPlans: { result: CoachingPlansQuery; variables: CoachingPlansQueryVariables };
  CompleteCoachingPlan: { result: CompleteCoachingPlanMutation; variables: CompleteCoachingPlanMutationVariables };
  CreateCoachingPlan: { result: CreateCoachingPlanMutation; variables: CreateCoachingPlanMutationVariables };
  CreateRubricDraft: { result: CreateRubricDraftMutation; variables: CreateRubricDraftMutationVariables };
  CreateTeam: { result: CreateTeamMutation; variables: CreateTeamMutationVariables };
  CreateUser: { result: CreateUserMutation; variables: CreateUserMutationVariables };
  DisputeDetail: { result: DisputeDetailQuery; variables: DisputeDetailQueryVariables };
  DisputeEvaluation: { result: DisputeEvaluationMutation; variables: DisputeEvaluationMutationVariables };
  DisputeList: { result: DisputeListQuery; variables: DisputeListQueryVariables };
  EvaluationList: { result: EvaluationListQuery; variables: EvaluationListQueryVariables };
  EvaluationWorkspace: { result: EvaluationWorkspaceQuery; variables: EvaluationWorkspaceQueryVariables };
  EvaluationsFilterOptions: { result: EvaluationsFilterOptionsQuery; variables: EvaluationsFilterOptionsQueryVariables };
  LogCoachingSession: { result: LogCoachingSessionMutation; variables: LogCoachingSessionMutationVariables };
  Login: { result: LoginMutation; variables: LoginMutationVariables };
  Logout: { result: LogoutMutation; variables: LogoutMutationVariables };
  Me: { result: MeQuery; variables: MeQueryVariables };
  MyCoachingPlans: { result: MyCoachingPlansQuery; variables: MyCoachingPlansQueryVariables };
  MyEvaluations: { result: MyEvaluationsQuery; variables: MyEvaluationsQueryVariables };
  NewPlanAgents: { result: NewPlanAgentsQuery; variables: NewPlanAgentsQueryVariables };
  NewPlanSuggestion: { result: NewPlanSuggestionQuery; variables: NewPlanSuggestionQueryVariables };
  PeopleTeams: { result: PeopleTeamsQuery; variables: PeopleTeamsQueryVariables };
  PeopleUsers: { result: PeopleUsersQuery; variables: PeopleUsersQueryVariables };
  PlanEvaluations: { result: PlanEvaluationsQuery; variables: PlanEvaluationsQueryVariables };
  PublishRubricVersion: { result: PublishRubricVersionMutation; variables: PublishRubricVersionMutationVariables };
  Queue: { result: QueueQuery; variables: QueueQueryVariables };
  ResolveDispute: { result: ResolveDisputeMutation; variables: ResolveDisputeMutationVariables };
  RubricVersions: { result: RubricVersionsQuery; variables: RubricVersionsQueryVariables };
  SaveEvaluation: { result: SaveEvaluationMutation; variables: SaveEvaluationMutationVariables };
  StartEvaluation: { result: StartEvaluationMutation; variables: StartEvaluationMutationVariables };
  SubmitEvaluation: { result: SubmitEvaluationMutation; variables: SubmitEvaluationMutationVariables };
  TeamScreenOverview: { result: TeamScreenOverviewQuery; variables: TeamScreenOverviewQueryVariables };
  TeamScreenTeams: { result: TeamScreenTeamsQuery; variables: TeamScreenTeamsQueryVariables };
  UpdateCoachingPlan: { result: UpdateCoachingPlanMutation; variables: UpdateCoachingPlanMutationVariables };
  UpdateRubricDraft: { result: UpdateRubricDraftMutation; variables: UpdateRubricDraftMutationVariables };
  UpdateTeam: { result: UpdateTeamMutation; variables: UpdateTeamMutationVariables };
  UpdateUser: { result: UpdateUserMutation; variables: UpdateUserMutationVariables };
}
