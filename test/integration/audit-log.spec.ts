import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createCall } from '../support/workflow.js';

interface Entry {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  actor: { email: string } | null;
}

interface LogPage {
  auditLog: { nodes: Entry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const AUDIT_LOG = `query($entityId: ID, $entityType: String, $actorId: ID, $action: String, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  auditLog(entityId: $entityId, entityType: $entityType, actorId: $actorId, action: $action, from: $from, to: $to, first: $first, after: $after) {
    nodes { id at action entityType entityId before after actor { email } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
const UPDATE_USER = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }';
const CREATE_TEAM = 'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }';

describe('auditLog filters: record, record type, actor, action and time, with cursor pagination', () => {
  let app: TestApp;
  let admin: string;
  let evaluator: string;
  let userIds: string[];
  let teamId: string;
  let callId: string;

  /** The ids the database holds for a WHERE clause, in the log's order. */
  const idsInDb = async (where: string, params: unknown[]) =>
    (
      (await app.server.database.dataSource.query(
        `SELECT id FROM audit_entry WHERE ${where} ORDER BY at DESC, id DESC`,
        params,
      )) as Array<{ id: string }>
    ).map((r) => r.id);

  const log = async (variables: Record<string, unknown>, token = admin) => app.gql<LogPage>(AUDIT_LOG, variables, token);

  /** Every page of a filtered log, following `endCursor`. */
  const allPages = async (variables: Record<string, unknown>, first: number) => {
    const pages: Entry[][] = [];
    let after: string | null = null;
    do {
      const result = await log({ ...variables, first, after });
      expect(result.errors).toBeUndefined();
      const page = result.data!.auditLog;
      pages.push(page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return pages;
  };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
    evaluator = await app.login('evaluator@demo.test');
    userIds = [];
    for (const n of [1, 2, 3]) {
      const created = await app.gql<{ createUser: { id: string } }>(
        CREATE_USER,
        { input: { email: `audit.${n}@example.com`, name: `Auditada ${n}`, password: 'long-enough', roles: ['AGENT'] } },
        admin,
      );
      userIds.push(created.data!.createUser.id);
    }
    await app.gql(UPDATE_USER, { id: userIds[0], input: { name: 'Auditada Uno', active: false } }, admin);
    const team = await app.gql<{ createTeam: { id: string } }>(CREATE_TEAM, { input: { name: 'Auditoría' } }, admin);
    teamId = team.data!.createTeam.id;
    callId = await createCall(app, evaluator, 'agent1@demo.test');
  });
  afterAll(() => app?.close());

  it('entityId: one record’s history, newest first, with before and after', async () => {
    const result = await log({ entityId: userIds[0] });
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.auditLog.nodes;
    expect(nodes.map((n) => n.action)).toEqual(['user.update', 'user.create']);
    expect(JSON.parse(nodes[0]!.before!)).toMatchObject({ name: 'Auditada 1', active: true });
    expect(JSON.parse(nodes[0]!.after!)).toMatchObject({ name: 'Auditada Uno', active: false });
    expect(nodes[1]!.before).toBeNull();
  });

  it('entityType: only entries about that kind of record, as many as the database holds', async () => {
    const result = await log({ entityType: 'Team', first: 100 });
    const nodes = result.data!.auditLog.nodes;
    expect(nodes.every((n) => n.entityType === 'Team')).toBe(true);
    // The cast's teams were written straight to the database: the one team created here is all.
    expect(nodes.map((n) => [n.action, n.entityId])).toEqual([['team.create', teamId]]);
    expect(nodes.map((n) => n.id)).toEqual(await idsInDb('entity_type = $1', ['Team']));
  });

  it('actorId: only changes made by that user', async () => {
    const me = await app.gql<{ me: { id: string } }>('{ me { id } }', {}, evaluator);
    const result = await log({ actorId: me.data!.me.id, first: 100 });
    const nodes = result.data!.auditLog.nodes;
    expect(nodes.every((n) => n.actor?.email === 'evaluator@demo.test')).toBe(true);
    expect(nodes.map((n) => [n.action, n.entityId])).toEqual([['call.create', callId]]);
    expect(nodes.map((n) => n.id)).toEqual(await idsInDb('actor_id = $1', [me.data!.me.id]));
  });

  it('action: only entries of that action', async () => {
    const result = await log({ action: 'user.create', first: 100 });
    const nodes = result.data!.auditLog.nodes;
    expect(nodes.every((n) => n.action === 'user.create')).toBe(true);
    expect(nodes.map((n) => n.entityId)).toEqual([...userIds].reverse());
    expect(nodes.map((n) => n.id)).toEqual(await idsInDb('action = $1', ['user.create']));
  });

  it('from is inclusive and to exclusive', async () => {
    const [second] = (await app.server.database.dataSource.query(
      `SELECT at FROM audit_entry WHERE entity_id = $1 AND action = 'user.create'`,
      [userIds[1]],
    )) as Array<{ at: Date }>;
    const at = second!.at.toISOString();
    const since = (await allPages({ from: at }, 100)).flat();
    // Everything from the second user on, newest first.
    expect(since.map((n) => [n.action, n.entityId])).toEqual([
      ['call.create', callId],
      ['team.create', teamId],
      ['user.update', userIds[0]],
      ['user.create', userIds[2]],
      ['user.create', userIds[1]],
    ]);
    expect(since.every((n) => n.at >= at)).toBe(true);
    expect(since.map((n) => n.id)).toEqual(await idsInDb('at >= $1', [at]));

    const before = (await allPages({ to: at }, 100)).flat();
    expect(before.map((n) => [n.action, n.entityId])).toEqual([['user.create', userIds[0]]]);
    expect(before.every((n) => n.at < at)).toBe(true);
    expect(before.map((n) => n.id)).toEqual(await idsInDb('at < $1', [at]));
  });

  it('combines filters', async () => {
    const result = await log({ entityType: 'User', action: 'user.update' });
    const nodes = result.data!.auditLog.nodes;
    expect(nodes.map((n) => n.entityId)).toEqual([userIds[0]]);
  });

  it('pages through a filtered log without gaps or repeats', async () => {
    const pages = await allPages({ action: 'user.create' }, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 1]);
    const ids = pages.flat().map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(await idsInDb('action = $1', ['user.create']));
  });

  it.each([
    ['an actorId that is not an id', { actorId: 'nobody' }, 'actorId'],
    ['an entityId that is not an id', { entityId: '42' }, 'entityId'],
    ['a from that is not a date', { from: 'yesterday' }, 'from'],
    ['a to that is not a date', { to: '2025-13-45T99:00:00Z' }, 'to'],
    ['a to before from', { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, 'to'],
    ['an action longer than 100 characters', { action: 'x'.repeat(101) }, 'action'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_label, variables, field) => {
    const result = await log(variables);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
  });

  it('stays for administrators only, filters or not', async () => {
    const result = await log({ action: 'user.create' }, evaluator);
    expect(errorCode(result)).toBe('FORBIDDEN');
  });
});
