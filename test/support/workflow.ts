import type { TestApp } from './test-app.js';

/** GraphQL documents and small steps of the evaluation workflow, shared by the integration tests. */
export const EVALUATION_FIELDS = `id status version score rawScore criticalFailure submittedAt acknowledgedAt resolution supervisorRequested supervisorProvided comment
  answers { value notApplicable comment evidenceSeconds criterion { code } } dispute { codes reason decision resolutionComment }`;

export const CREATE_CALL = `mutation($input: CreateCallInput!) { createCall(input: $input) { id externalId transcript { speaker text offsetSeconds } agent { email } } }`;
export const START = `mutation($callId: ID!) { startEvaluation(callId: $callId) { ${EVALUATION_FIELDS} } }`;
export const SAVE = `mutation($id: ID!, $version: Int!, $input: EvaluationInput!) { saveEvaluation(id: $id, version: $version, input: $input) { ${EVALUATION_FIELDS} } }`;
export const SUBMIT = `mutation($id: ID!, $version: Int!) { submitEvaluation(id: $id, version: $version) { ${EVALUATION_FIELDS} } }`;
export const ACK = `mutation($id: ID!) { acknowledgeEvaluation(id: $id) { ${EVALUATION_FIELDS} } }`;
export const DISPUTE = `mutation($id: ID!, $input: DisputeInput!) { disputeEvaluation(id: $id, input: $input) { ${EVALUATION_FIELDS} } }`;
export const RESOLVE = `mutation($id: ID!, $input: ResolveDisputeInput!) { resolveDispute(id: $id, input: $input) { ${EVALUATION_FIELDS} } }`;
export const GET = `query($id: ID!) { evaluation(id: $id) { ${EVALUATION_FIELDS} } }`;

export const CODES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'];

export type Answer = { code: string; value: number | null; comment?: string };
export const answersAll = (value: number, overrides: Record<string, number | null> = {}): Answer[] =>
  CODES.map((code) => {
    const v = code in overrides ? overrides[code]! : value;
    return { code, value: v, ...(v !== null && v <= 1 ? { comment: `${code}: at 01:10 the agent did not do it` } : {}) };
  });

export const FACTS = { resolution: 'RESOLVED', supervisorRequested: false };

let callSeq = 0;
/** Creates a call for an agent (by email) as the given user and returns its id. */
export async function createCall(
  app: TestApp,
  token: string,
  agentEmail: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const agents = await app.gql<{ users: Array<{ id: string; email: string }> }>('{ users(role: AGENT) { id email } }', {}, token);
  const agent = agents.data!.users.find((u) => u.email === agentEmail)!;
  callSeq += 1;
  const result = await app.gql<{ createCall: { id: string } }>(
    CREATE_CALL,
    {
      input: {
        externalId: `T-${Date.now()}-${callSeq}`,
        agentId: agent.id,
        startedAt: new Date(Date.now() - 3600_000).toISOString(),
        durationSeconds: 300,
        direction: 'INBOUND',
        purpose: 'SUPPORT',
        transcript: 'AGENT: [00:01] Buenos días, le atiende Lucía.\nCUSTOMER: [00:05] Hola, no tengo internet.',
        ...extra,
      },
    },
    token,
  );
  if (!result.data?.createCall) throw new Error(`createCall failed: ${JSON.stringify(result.errors)}`);
  return result.data.createCall.id;
}

export interface EvaluationView {
  id: string;
  status: string;
  version: number;
  score: number | null;
  rawScore: number | null;
  criticalFailure: boolean | null;
}

/** Starts, answers and submits an evaluation; returns the submitted evaluation. */
export async function scoreAndSubmit(
  app: TestApp,
  token: string,
  callId: string,
  answers: Answer[],
  facts: Record<string, unknown> = FACTS,
): Promise<EvaluationView> {
  const started = await app.gql<{ startEvaluation: EvaluationView }>(START, { callId }, token);
  if (!started.data?.startEvaluation) throw new Error(`start failed: ${JSON.stringify(started.errors)}`);
  const draft = started.data.startEvaluation;
  const saved = await app.gql<{ saveEvaluation: EvaluationView }>(
    SAVE,
    { id: draft.id, version: draft.version, input: { answers, ...facts } },
    token,
  );
  if (!saved.data?.saveEvaluation) throw new Error(`save failed: ${JSON.stringify(saved.errors)}`);
  const submitted = await app.gql<{ submitEvaluation: EvaluationView }>(
    SUBMIT,
    { id: draft.id, version: saved.data.saveEvaluation.version },
    token,
  );
  if (!submitted.data?.submitEvaluation) throw new Error(`submit failed: ${JSON.stringify(submitted.errors)}`);
  return submitted.data.submitEvaluation;
}

/** Creates a user as an admin, with the demo accounts' password, and returns its id. */
export async function createUser(
  app: TestApp,
  adminToken: string,
  input: { email: string; name: string; roles: string[]; teamId?: string },
): Promise<string> {
  const result = await app.gql<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { ...input, password: 'decalogo-demo' } },
    adminToken,
  );
  if (!result.data?.createUser) throw new Error(`createUser ${input.email}: ${JSON.stringify(result.errors)}`);
  return result.data.createUser.id;
}

/** The id of every team the token may see, by team name. */
export async function teamIdsByName(app: TestApp, token: string): Promise<Record<string, string>> {
  const result = await app.gql<{ teams: Array<{ id: string; name: string }> }>('{ teams { id name } }', {}, token);
  return Object.fromEntries(result.data!.teams.map((team) => [team.name, team.id]));
}
