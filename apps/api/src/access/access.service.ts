import { Injectable } from '@nestjs/common';
import { decide, isPublic, mayTake, needsCoachedTeam, ruleOf, scopesOf, seenWith } from '@decalogo/access';
import type { ACCESS, Action, ExceptionName, RecordKind, Subject, Verdict } from '@decalogo/access';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { CallEntity } from '../call/entities/call.entity.js';
import { CoachingPlanEntity } from '../coaching/entities/coaching-plan.entity.js';
import { forbidden, notFound } from '../common/errors.js';
import { TransactionalConnection } from '../common/transactional-connection.js';
import { EvaluationEntity } from '../evaluation/entities/evaluation.entity.js';
import { CallImportEntity } from '../import/call-import.entity.js';
import { TeamCoachEntity } from '../team/entities/team-coach.entity.js';
import { TeamEntity } from '../team/entities/team.entity.js';
import { UserEntity } from '../user/entities/user.entity.js';

/** The entity of each kind of record, and the facts of it that the access table reads. */
interface Records {
  call: CallEntity;
  evaluation: EvaluationEntity;
  plan: CoachingPlanEntity;
  user: UserEntity;
  team: TeamEntity;
  import: CallImportEntity;
}
/** What a check needs of a record (a whole entity will do). */
interface Facts {
  call: Pick<CallEntity, 'agentId'>;
  evaluation: Pick<EvaluationEntity, 'agentId' | 'evaluatorId' | 'status'>;
  plan: Pick<CoachingPlanEntity, 'agentId' | 'coachId'>;
  user: Pick<UserEntity, 'id' | 'teamId'>;
  team: Pick<TeamEntity, 'id'>;
  import: Pick<CallImportEntity, 'createdBy'>;
}

type KindOf<A extends Action> = (typeof ACCESS)[A] extends { record: infer K extends RecordKind } ? K : never;
/** The actions taken on a record. */
export type RecordAction = { [A in Action]: KindOf<A> extends never ? never : A }[Action];

interface Kind<K extends RecordKind> {
  entity: EntityTarget<Records[K]>;
  /** NOT_FOUND's subject: "<label> was not found." */
  label: string;
  subject(record: Facts[K], actor: Actor): Subject;
  /** The record's team when the record says it; undefined: the team its owner is in now. */
  team(record: Facts[K]): string | null | undefined;
}

const KINDS: { [K in RecordKind]: Kind<K> } = {
  call: { entity: CallEntity, label: 'Call', subject: (c) => ({ owner: c.agentId }), team: () => undefined },
  evaluation: {
    entity: EvaluationEntity,
    label: 'Evaluation',
    subject: (e) => ({ owner: e.agentId, author: e.evaluatorId, status: e.status }),
    team: () => undefined,
  },
  plan: {
    entity: CoachingPlanEntity,
    label: 'Coaching plan',
    subject: (p) => ({ owner: p.agentId, author: p.coachId }),
    team: () => undefined,
  },
  user: { entity: UserEntity, label: 'User', subject: (u) => ({ owner: u.id }), team: (u) => u.teamId },
  // A team is "own" to its members.
  team: {
    entity: TeamEntity,
    label: 'Team',
    subject: (t, actor) => ({ owner: actor.teamId === t.id ? actor.id : null }),
    team: (t) => t.id,
  },
  import: { entity: CallImportEntity, label: 'Import', subject: (i) => ({ author: i.createdBy }), team: () => null },
};

/** The columns of a list query that the table's scopes and exceptions read. */
export interface ListColumns {
  /** The person each row is about (the agent; a user's own id). */
  owner: string;
  author?: string;
  status?: string;
  /** The row's team, when the row has one itself (users); otherwise the owner's team now. */
  team?: string;
}

/** The columns of the list queries, by the alias each service gives its table. */
export const LIST_COLUMNS = {
  evaluation: { owner: 'e.agent_id', author: 'e.evaluator_id', status: 'e.status' },
  call: { owner: 'c.agent_id' },
  plan: { owner: 'p.agent_id', author: 'p.coach_id' },
  user: { owner: 'u.id', team: 'u.team_id' },
} as const satisfies Record<string, ListColumns>;

export interface ListScope {
  sql: string;
  params: Record<string, unknown>;
}

/** The exceptions that lists apply, as the condition a row must meet (a grant widens, a deny narrows). */
const LIST_EXCEPTIONS: Partial<Record<ExceptionName, (c: ListColumns) => { grant?: string; keep?: string }>> = {
  authorSeesOwnWork: (c) => ({ grant: `${c.author} = :scopeActor` }),
  draftsPrivate: (c) => ({ keep: `(${c.status} <> 'DRAFT' OR ${c.author} = :scopeActor)` }),
};

/**
 * Every record-level access decision of the API, read from the table of libs/access
 * (docs/access-table.md): whether a caller may take an action on a record, the answer when they
 * may not — NOT_FOUND when they cannot see the record, exactly as for an id that does not exist;
 * FORBIDDEN when they see it but may not act on it — and the SQL that narrows a list to what they
 * may read. It reads through the TransactionalConnection, so inside a mutation a check sees the
 * same transaction as the write it guards.
 */
@Injectable()
export class AccessService {
  constructor(private readonly db: TransactionalConnection) {}

  /** The teams the actor coaches now. */
  async coachedTeamIds(actor: Actor): Promise<string[]> {
    const links = await this.db.getRepository(TeamCoachEntity).findBy({ userId: actor.id });
    return links.map((link) => link.teamId);
  }

  /** Whether the actor may take the action; on a record (or id) when the action is taken on one. */
  async allows<A extends Action>(actor: Actor, action: A, record?: Facts[KindOf<A>] | string): Promise<boolean> {
    if (record === undefined) return mayTake(actor.roles, action);
    const found = typeof record === 'string' ? await this.load(action, record) : record;
    return (
      found !== null &&
      (
        await this.verdict(
          actor,
          action,
          found,
          memo(() => this.coachedTeamIds(actor)),
        )
      ).allowed
    );
  }

  /**
   * Loads the record when given its id, and lets the action through or answers NOT_FOUND (the
   * caller does not see the record, or it does not exist) or FORBIDDEN (they see it but may not
   * act on it, with the table's reason). `notFound`: the subject of NOT_FOUND's message.
   */
  async require<A extends RecordAction>(
    actor: Actor,
    action: A,
    id: string,
    options?: { notFound?: string },
  ): Promise<Records[KindOf<A>]>;
  async require<A extends RecordAction, R extends Facts[KindOf<A>]>(
    actor: Actor,
    action: A,
    record: R,
    options?: { notFound?: string },
  ): Promise<R>;
  async require<A extends RecordAction>(
    actor: Actor,
    action: A,
    recordOrId: Facts[KindOf<A>] | string,
    options: { notFound?: string } = {},
  ): Promise<unknown> {
    const kind = kindOf(action);
    const missing = () => notFound(options.notFound ?? KINDS[kind].label);
    const record = typeof recordOrId === 'string' ? await this.load(action, recordOrId) : recordOrId;
    if (!record) throw missing();
    const coached = memo(() => this.coachedTeamIds(actor));
    const seeing = seenWith(action);
    if (seeing !== action && !(await this.verdict(actor, seeing, record, coached)).allowed) throw missing();
    const verdict = await this.verdict(actor, action, record, coached);
    if (verdict.allowed) return record;
    // A read refused is a record not seen.
    if (seeing === action) throw missing();
    throw verdict.message ? forbidden(verdict.message) : forbidden();
  }

  /**
   * A WHERE fragment that narrows a list to the rows the actor may read with `action`, or null
   * when they may read them all. Parameters are named `scopeActor` and `scopeTeams`.
   */
  async listScope(actor: Actor, action: Action, columns: ListColumns): Promise<ListScope | null> {
    const scopes = scopesOf(actor.roles, action);
    const params: Record<string, unknown> = { scopeActor: actor.id };
    if (!scopes.size) return { sql: 'false', params };
    const exceptions = (ruleOf(action).exceptions ?? []).map((name) => {
      const sql = LIST_EXCEPTIONS[name];
      if (!sql) throw new Error(`${action}: the exception ${name} has no list form`);
      return sql(columns);
    });
    const keeps = exceptions.flatMap((e) => (e.keep ? [e.keep] : []));
    const grants = exceptions.flatMap((e) => (e.grant ? [e.grant] : []));
    if (scopes.has('any') && !keeps.length) return null;
    const reach: string[] = [];
    if (scopes.has('any')) reach.push('true');
    if (scopes.has('own')) reach.push(`${columns.owner} = :scopeActor`);
    if (scopes.has('author') && columns.author) reach.push(`${columns.author} = :scopeActor`);
    if (scopes.has('coached') && !scopes.has('any')) {
      const teams = await this.coachedTeamIds(actor);
      if (teams.length) {
        params['scopeTeams'] = teams;
        reach.push(
          columns.team
            ? `${columns.team} IN (:...scopeTeams)`
            : `${columns.owner} IN (SELECT u.id FROM app_user u WHERE u.team_id IN (:...scopeTeams))`,
        );
      }
    }
    const reached = [reach.length ? `(${reach.join(' OR ')})` : 'false', ...keeps].join(' AND ');
    return { sql: grants.length ? `((${reached}) OR ${grants.join(' OR ')})` : `(${reached})`, params };
  }

  /** The teams the actor may read with `teams.read`: all, or these ids. */
  async visibleTeams(actor: Actor): Promise<{ all: true } | { all: false; teamIds: string[] }> {
    const scopes = scopesOf(actor.roles, 'teams.read');
    if (scopes.has('any')) return { all: true };
    const teamIds = new Set<string>(scopes.has('coached') ? await this.coachedTeamIds(actor) : []);
    if (scopes.has('own') && actor.teamId) teamIds.add(actor.teamId);
    return { all: false, teamIds: [...teamIds] };
  }

  private async load(action: Action, id: string): Promise<object | null> {
    const kind = KINDS[kindOf(action)] as Kind<RecordKind>;
    return this.db.getRepository(kind.entity as EntityTarget<ObjectLiteral>).findOneBy({ id });
  }

  private async verdict(actor: Actor, action: Action, record: object, coached: () => Promise<string[]>): Promise<Verdict> {
    if (isPublic(action)) return { allowed: true };
    const kind = KINDS[kindOf(action)] as Kind<RecordKind>;
    const subject = kind.subject(record as never, actor);
    if (!needsCoachedTeam(action, actor, subject)) return decide(action, actor, subject, false);
    const team = await this.teamOf(kind, record, subject);
    const inCoachedTeam = team !== null && (await coached()).includes(team);
    return decide(action, actor, subject, inCoachedTeam);
  }

  /** The record's team, or its owner's team now. */
  private async teamOf(kind: Kind<RecordKind>, record: object, subject: Subject): Promise<string | null> {
    const known = kind.team(record as never);
    if (known !== undefined) return known;
    if (!subject.owner) return null;
    const owner = await this.db.getRepository(UserEntity).findOneBy({ id: subject.owner });
    return owner?.teamId ?? null;
  }
}

function kindOf(action: Action): RecordKind {
  const kind = ruleOf(action).record;
  if (!kind) throw new Error(`${action} is not taken on a record`);
  return kind;
}

/** Runs `load` at most once, when first asked. */
function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}
