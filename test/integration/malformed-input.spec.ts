import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType, getNamedType } from 'graphql';
import type { GraphQLField, GraphQLInputType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { GraphQLResult, TestApp } from '../support/test-app.js';

/**
 * Every argument that takes an id or free text is checked at the edge (docs/api.md, Errors): text
 * holding a NUL character or a lone surrogate is BAD_USER_INPUT naming the field; a malformed id
 * is `null` where the operation's result may be null, otherwise BAD_USER_INPUT naming the
 * argument. The operations and their arguments are read from the running app's schema, so an
 * operation added later is tested without being listed here.
 */

type Segment = string | number;
interface Position {
  kind: 'id' | 'text';
  /** As the error's `extensions.field` names it: `callId`, `input.answers[0].comment`. */
  path: string;
  argument: string;
  segments: Segment[];
}

const MALFORMED: Record<Position['kind'], Array<[string, string]>> = {
  id: [
    ['not a UUID', 'abc'],
    ['an injection attempt', "1' OR 1=1--"],
    ['an empty string', ''],
  ],
  text: [
    ['a NUL character', 'before\u0000after'],
    ['a lone high surrogate', 'before\ud800after'],
    ['a lone low surrogate', 'before\udc00after'],
  ],
};

const unwrap = (type: GraphQLInputType): GraphQLInputType => (isNonNullType(type) ? type.ofType : type);

/** Every place in an argument's type where an id or a string can go. */
function positionsOf(type: GraphQLInputType, argument: string, path: string, segments: Segment[]): Position[] {
  const t = unwrap(type);
  if (isListType(t)) return positionsOf(t.ofType, argument, `${path}[0]`, [...segments, 0]);
  if (isInputObjectType(t))
    return Object.values(t.getFields()).flatMap((f) => positionsOf(f.type, argument, `${path}.${f.name}`, [...segments, f.name]));
  if (isScalarType(t) && t.name === 'ID') return [{ kind: 'id', path, argument, segments }];
  if (isScalarType(t) && t.name === 'String') return [{ kind: 'text', path, argument, segments }];
  return [];
}

const SAMPLE_SCALARS: Record<string, unknown> = {
  ID: '00000000-0000-4000-8000-000000000000',
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTime: '2026-03-02T10:00:00.000Z',
  Date: '2026-03-02',
};

/** A value of `type` with only its required parts filled, and `bad` at `target` (when given). */
function valueOf(type: GraphQLInputType, target: Segment[] | null, bad: string): unknown {
  if (target && target.length === 0) return bad;
  const t = unwrap(type);
  if (isListType(t)) return [valueOf(t.ofType, target ? target.slice(1) : null, bad)];
  if (isInputObjectType(t)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) {
      if (target && target[0] === f.name) value[f.name] = valueOf(f.type, target.slice(1), bad);
      else if (isNonNullType(f.type)) value[f.name] = valueOf(f.type, null, bad);
    }
    return value;
  }
  if (isEnumType(t)) return t.getValues()[0]!.name;
  if (isScalarType(t) && t.name in SAMPLE_SCALARS) return SAMPLE_SCALARS[t.name];
  throw new Error(`no sample value for the input type ${String(t)}`);
}

/** One request to `field` with `bad` at `position` and every other required argument filled. */
function request(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, position: Position, bad: string) {
  const args = field.args.filter((a) => a.name === position.argument || isNonNullType(a.type));
  const variables = Object.fromEntries(
    args.map((a) => [a.name, valueOf(a.type, a.name === position.argument ? position.segments : null, bad)]),
  );
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return {
    query: `${kind} Probe(${declared}) { ${field.name}(${passed})${selection} }`,
    variables,
  };
}

describe('malformed ids and text are refused at the edge of every operation (production)', () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  let tokens: string[];
  beforeAll(async () => {
    // Production: introspection is off there, so the schema is read from the app itself. The
    // rate limit is raised because this file sends a few hundred requests as one user.
    app = await startTestApp({ NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '100000' });
    schema = app.server.app.get(GraphQLSchemaHost).schema;
    // Administrators may call every operation but the agent's own answers to an evaluation.
    tokens = [await app.login('admin@demo.test'), await app.login('agent1@demo.test')];
  });
  afterAll(() => app?.close());

  const rootFields = (root: GraphQLObjectType | null | undefined) => Object.values(root?.getFields() ?? {});

  /** The answer of the first caller (admin, then agent) whose role the operation allows. */
  async function ask(query: string, variables: Record<string, unknown>): Promise<GraphQLResult> {
    let result: GraphQLResult | undefined;
    for (const token of tokens) {
      result = await app.gql(query, variables, token);
      if (errorCode(result) !== 'FORBIDDEN') return result;
    }
    return result!;
  }

  /** What went wrong with each probe of one root type, as readable lines (none when all is well). */
  async function probe(kind: 'query' | 'mutation', root: GraphQLObjectType | null | undefined): Promise<string[]> {
    const failures: string[] = [];
    for (const field of rootFields(root)) {
      for (const arg of field.args) {
        for (const position of positionsOf(arg.type, arg.name, arg.name, [])) {
          for (const [label, bad] of MALFORMED[position.kind]) {
            const { query, variables } = request(kind, field, position, bad);
            const result = await ask(query, variables);
            const where = `${field.name}: ${label} in ${position.path}`;
            const nullable = !isNonNullType(field.type);
            if (position.kind === 'id' && nullable) {
              if (result.errors || result.data?.[field.name] !== null)
                failures.push(`${where} → ${JSON.stringify(result.errors ?? result.data)} (expected null)`);
              continue;
            }
            const error = result.errors?.[0];
            if (errorCode(result) !== 'BAD_USER_INPUT' || error?.extensions?.field !== position.path)
              failures.push(`${where} → ${errorCode(result)} ${String(error?.extensions?.field)}: ${error?.message}`);
            else if (!error.message.includes(position.path)) failures.push(`${where} → the message does not name the field`);
          }
        }
      }
    }
    return failures;
  }

  it('derives the operations to probe from the schema', () => {
    const names = (root: GraphQLObjectType | null | undefined) =>
      rootFields(root)
        .filter((f) => f.args.some((a) => positionsOf(a.type, a.name, a.name, []).length))
        .map((f) => f.name);
    expect(names(schema.getQueryType())).toEqual(expect.arrayContaining(['call', 'evaluation', 'users', 'agentProgress']));
    expect(names(schema.getMutationType())).toEqual(
      expect.arrayContaining(['startEvaluation', 'saveEvaluation', 'createUser', 'login', 'logCoachingSession']),
    );
  });

  it('every query answers a malformed id with null or BAD_USER_INPUT, and malformed text with BAD_USER_INPUT', async () => {
    expect(await probe('query', schema.getQueryType())).toEqual([]);
  });

  it('every mutation answers a malformed id or malformed text with BAD_USER_INPUT naming it, and writes nothing', async () => {
    const before = await Promise.all(
      ['call', 'evaluation', 'app_user', 'team', 'coaching_plan', 'audit_entry'].map((t) => app.count(t)),
    );
    expect(await probe('mutation', schema.getMutationType())).toEqual([]);
    expect(
      await Promise.all(['call', 'evaluation', 'app_user', 'team', 'coaching_plan', 'audit_entry'].map((t) => app.count(t))),
    ).toEqual(before);
  });

  it('no field below the root takes an id or free text (the edge check runs on operations)', () => {
    const fieldsWithText = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .filter((type) => type !== schema.getQueryType() && type !== schema.getMutationType())
      .flatMap((type) =>
        Object.values((type as GraphQLObjectType).getFields())
          .filter((f) => f.args.some((a) => positionsOf(a.type, a.name, a.name, []).length))
          .map((f) => `${type.name}.${f.name}`),
      );
    expect(fieldsWithText).toEqual([]);
  });

  it('a well-formed id of nothing is still null, and well-formed text still works', async () => {
    const [admin] = tokens;
    const missing = await app.gql(
      'query($id: ID!) { call(id: $id) { id } }',
      { id: '00000000-0000-4000-8000-000000000000' },
      admin,
    );
    expect(missing).toMatchObject({ data: { call: null } });
    expect(missing.errors).toBeUndefined();
    const team = await app.gql<{ createTeam: { name: string } }>(
      'mutation($input: CreateTeamInput!) { createTeam(input: $input) { name } }',
      { input: { name: 'Equipo 😀 ñandú' } },
      admin,
    );
    expect(team.data?.createTeam.name).toBe('Equipo 😀 ñandú');
  });
});
