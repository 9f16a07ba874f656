import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(value: unknown): string {
  const match = typeof value === 'string' ? PATTERN.exec(value) : null;
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value as string;
}

/** A calendar day without a time or zone (`Date` in docs/api.md#transport-and-authentication), as `YYYY-MM-DD`. */
export const LocalDateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parse(value)),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('Date must be a string written YYYY-MM-DD.', { extensions: { code: 'BAD_USER_INPUT' } });
    return parse(ast.value);
  },
});

/** Midnight UTC of a YYYY-MM-DD day, the form libs/scoring takes plan dates in. */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
