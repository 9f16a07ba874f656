/**
 * Who may do what, in one table shared by the API (its guard and AccessService) and the web app
 * (its route guards and menu). Each action lists the roles that may take it and, per role, which
 * records it reaches (the scope); the named exceptions below refine that for every role. The
 * whole table is printed in docs/access-table.md.
 */

/** The four roles; a user holds one or more. */
export const ROLES = ['ADMIN', 'EVALUATOR', 'COACH', 'AGENT'] as const;
export type Role = (typeof ROLES)[number];

/** Which records of a kind an action reaches for one role. */
export type Scope = 'any' | 'coached' | 'own' | 'author';

export const SCOPE_MEANING: Readonly<Record<Scope, string>> = {
  any: 'every record',
  coached: 'the records of the agents (or teams) they coach now',
  own: 'records about themselves: their calls, evaluations, plans and progress; their own user and team',
  author: 'records they wrote: their evaluations, plans and uploads',
};

/** The kinds of record an action is taken on. */
export type RecordKind = 'call' | 'evaluation' | 'plan' | 'user' | 'team' | 'import';

/** The facts of a record that the rules read. */
export interface Subject {
  /** The person the record is about: the agent of a call, evaluation or plan; a user themself; a member of a team. */
  readonly owner?: string | null;
  /** Who wrote it: an evaluation's evaluator, a plan's coach, an import's uploader. */
  readonly author?: string | null;
  readonly status?: string | null;
}

export interface Exception {
  /** `grant`: reaches the record whatever the scope; `deny`: refuses it whatever the scope. */
  readonly effect: 'grant' | 'deny';
  readonly rule: string;
  readonly applies: (actorId: string, subject: Subject) => boolean;
  /** What a caller who can see the record but is refused by this exception is told. */
  readonly message?: string;
}

/** The named exceptions to the scopes, each one rule of the product. */
export const EXCEPTIONS = {
  authorSeesOwnWork: {
    effect: 'grant',
    rule: 'whoever wrote it reads it, in any state',
    applies: (actorId, s) => s.author === actorId,
  },
  draftsPrivate: {
    effect: 'deny',
    rule: 'drafts of others are invisible',
    applies: (actorId, s) => s.status === 'DRAFT' && s.author !== actorId,
  },
  notOwnCall: {
    effect: 'deny',
    rule: 'nobody evaluates their own call',
    applies: (actorId, s) => s.owner === actorId,
    message: 'Nobody evaluates a call in which they are the agent.',
  },
  noDisputeOnDraft: {
    effect: 'deny',
    rule: 'a draft has no dispute to resolve',
    applies: (_actorId, s) => s.status === 'DRAFT',
    message: 'A draft has no dispute to resolve.',
  },
  notByAuthor: {
    effect: 'deny',
    rule: 'a dispute is resolved by someone other than the evaluation’s author',
    applies: (actorId, s) => s.author === actorId,
    message: 'A dispute is resolved by someone other than the evaluation’s author.',
  },
  notAboutSelf: {
    effect: 'deny',
    rule: 'nobody resolves a dispute about their own call',
    applies: (actorId, s) => s.owner === actorId,
    message: 'Nobody resolves a dispute about their own call.',
  },
} as const satisfies Record<string, Exception>;

export type ExceptionName = keyof typeof EXCEPTIONS;

export interface ActionRule {
  readonly summary: string;
  /** Anyone, without signing in. */
  readonly public?: true;
  /** The kind of record the action is taken on, when it is taken on one. */
  readonly record?: RecordKind;
  /**
   * The action that decides whether the caller sees the record at all (the action itself when
   * left out). A caller who does not see it is answered NOT_FOUND, exactly as for an id that
   * does not exist; FORBIDDEN is for a record the caller sees but may not act on.
   */
  readonly seenWith?: string;
  readonly roles: Readonly<Partial<Record<Role, Scope | readonly Scope[]>>>;
  readonly exceptions?: readonly ExceptionName[];
  /** Rules on the input that the service checks (not on which records). */
  readonly limits?: readonly string[];
  /** FORBIDDEN's message when the record is seen but out of the caller's scope. */
  readonly denied?: string;
}

const EVERYONE = { ADMIN: 'any', EVALUATOR: 'any', COACH: 'any', AGENT: 'any' } as const;
const THEMSELVES = { ADMIN: 'own', EVALUATOR: 'own', COACH: 'own', AGENT: 'own' } as const;

export const ACCESS = {
  // Sessions and accounts
  'session.signIn': { summary: 'Sign in', public: true, roles: {} },
  'session.use': { summary: 'Read one’s own account, sign out', roles: THEMSELVES },
  'health.check': { summary: 'Health probe', public: true, roles: {} },
  'users.read': {
    summary: 'List people',
    record: 'user',
    roles: { ADMIN: 'any', EVALUATOR: 'any', COACH: ['coached', 'own'], AGENT: 'own' },
  },
  'users.details': {
    summary: 'See a person’s roles, status and language',
    record: 'user',
    roles: { ADMIN: 'any', EVALUATOR: 'any', COACH: 'any', AGENT: 'own' },
  },
  'users.update': {
    summary: 'Change a user',
    record: 'user',
    seenWith: 'users.read',
    roles: { ADMIN: 'any', EVALUATOR: 'own', COACH: 'own', AGENT: 'own' },
    limits: [
      'only users.manage changes more than one’s own locale and password',
      'administrators never deactivate themselves or remove their own ADMIN role',
      'changing one’s own password needs the current one',
    ],
  },
  'users.manage': { summary: 'Create users; change any field of anyone', roles: { ADMIN: 'any' } },
  'teams.read': {
    summary: 'List teams',
    record: 'team',
    roles: { ADMIN: 'any', EVALUATOR: 'any', COACH: ['coached', 'own'], AGENT: 'own' },
  },
  'teams.manage': { summary: 'Create and change teams and their coaches', roles: { ADMIN: 'any' } },
  'audit.read': { summary: 'Read the audit log', roles: { ADMIN: 'any' } },

  // Rubric
  'rubric.read': {
    summary: 'Read the rubric and its published history',
    roles: EVERYONE,
    limits: ['draft versions only to those who may rubric.manage'],
  },
  'rubric.manage': { summary: 'Edit, publish and read the draft rubric version', roles: { ADMIN: 'any' } },

  // Calls
  'calls.read': { summary: 'Read calls', record: 'call', roles: { ADMIN: 'any', EVALUATOR: 'any', COACH: 'coached' } },
  'calls.create': { summary: 'Create a call', roles: { ADMIN: 'any', EVALUATOR: 'any' } },
  'imports.create': { summary: 'Upload a CSV of calls', roles: { ADMIN: 'any', EVALUATOR: 'any' } },
  'imports.read': {
    summary: 'Poll an upload’s status and errors',
    record: 'import',
    roles: { ADMIN: 'any', EVALUATOR: 'author' },
  },

  // Evaluations and disputes
  'evaluation.read': {
    summary: 'Read evaluations (also their CSV export)',
    record: 'evaluation',
    roles: { ADMIN: 'any', EVALUATOR: 'any', COACH: 'coached', AGENT: 'own' },
    exceptions: ['authorSeesOwnWork', 'draftsPrivate'],
  },
  'evaluation.start': {
    summary: 'Start evaluating a call',
    record: 'call',
    seenWith: 'calls.read',
    roles: { ADMIN: 'any', EVALUATOR: 'any', COACH: 'coached' },
    exceptions: ['notOwnCall'],
    limits: ['one evaluation of a call per evaluator'],
    denied: 'Coaches evaluate only the calls of the agents they coach.',
  },
  'evaluation.save': {
    summary: 'Save a draft evaluation',
    record: 'evaluation',
    seenWith: 'evaluation.read',
    roles: { ADMIN: 'author', EVALUATOR: 'author', COACH: 'author' },
    limits: ['drafts only'],
    denied: 'Only the author of an evaluation saves or submits it.',
  },
  'evaluation.submit': {
    summary: 'Submit a draft evaluation',
    record: 'evaluation',
    seenWith: 'evaluation.read',
    roles: { ADMIN: 'author', EVALUATOR: 'author', COACH: 'author' },
    limits: ['drafts only'],
    denied: 'Only the author of an evaluation saves or submits it.',
  },
  'evaluation.acknowledge': {
    summary: 'Acknowledge an evaluation',
    record: 'evaluation',
    seenWith: 'evaluation.read',
    roles: { AGENT: 'own' },
    limits: ['submitted evaluations only'],
    denied: 'Only the evaluated agent can acknowledge or dispute a submitted evaluation.',
  },
  'evaluation.dispute': {
    summary: 'Dispute an evaluation',
    record: 'evaluation',
    seenWith: 'evaluation.read',
    roles: { AGENT: 'own' },
    limits: ['once, within the dispute window, and not after acknowledging'],
    denied: 'Only the evaluated agent can acknowledge or dispute a submitted evaluation.',
  },
  'dispute.resolve': {
    summary: 'Resolve a dispute (uphold or amend)',
    record: 'evaluation',
    seenWith: 'evaluation.read',
    roles: { ADMIN: 'any', EVALUATOR: 'any' },
    exceptions: ['noDisputeOnDraft', 'notByAuthor', 'notAboutSelf'],
  },

  // Progress and coaching
  'progress.read': {
    summary: 'Read an agent’s progress (also its CSV export) and suggested focus',
    record: 'user',
    roles: { ADMIN: 'any', COACH: 'coached', AGENT: 'own' },
  },
  'team.overview': {
    summary: 'Read a team’s overview',
    record: 'team',
    seenWith: 'teams.read',
    roles: { ADMIN: 'any', COACH: 'coached' },
    denied: 'Team overviews are for the team’s coaches and administrators.',
  },
  'coaching.read': {
    summary: 'Read coaching plans',
    record: 'plan',
    roles: { ADMIN: 'any', COACH: 'coached', AGENT: 'own' },
    exceptions: ['authorSeesOwnWork'],
  },
  'coaching.manage': {
    summary: 'Create, edit, log sessions of, complete and cancel coaching plans',
    record: 'plan',
    seenWith: 'coaching.read',
    roles: { ADMIN: 'any', COACH: 'coached' },
    limits: ['the plan’s coach is whoever creates it'],
    denied: 'Coaching plans are run by a coach of the agent’s team or an administrator.',
  },
  'coaching.acknowledge': {
    summary: 'Acknowledge a coaching session',
    record: 'plan',
    seenWith: 'coaching.read',
    roles: { AGENT: 'own' },
    denied: 'Only the coached agent acknowledges a session.',
  },

  // Sampling (docs/rubric.md#sampling)
  'sampling.read': {
    summary: 'Read sampling plans, their coverage and the sample advice of their agents',
    roles: { ADMIN: 'any', EVALUATOR: 'any' },
  },
  'sampling.manage': {
    summary: 'Create, change and pause sampling plans; draw a week (or preview it)',
    roles: { ADMIN: 'any' },
  },
  'assignments.read': {
    summary: 'Read assignments (the queue of drawn calls)',
    roles: { ADMIN: 'any', EVALUATOR: 'own', COACH: 'own' },
    limits: ['own: the assignments given to oneself'],
  },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof ACCESS;
export const ACTIONS = Object.keys(ACCESS) as Action[];
