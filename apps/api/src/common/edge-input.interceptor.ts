import { Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContextType } from '@nestjs/graphql';
import { isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import type { GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLResolveInfo } from 'graphql';
import { of, throwError } from 'rxjs';
import type { Observable } from 'rxjs';
import { badInput } from './errors.js';
import { isUuid } from './ids.js';
import { textProblem } from './text.js';

interface Problem {
  kind: 'id' | 'text';
  field: string;
  message: string;
}

/** Whether an input type can hold an ID or a String anywhere inside it. */
function holdsIdOrText(type: GraphQLInputType, seen = new Set<GraphQLInputType>()): boolean {
  const t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) return holdsIdOrText(t.ofType, seen);
  if (isScalarType(t)) return t.name === 'ID' || t.name === 'String';
  if (!isInputObjectType(t) || seen.has(t)) return false;
  seen.add(t);
  return Object.values(t.getFields()).some((f) => holdsIdOrText(f.type, seen));
}

/** Walks a coerced argument value along its GraphQL type, noting every malformed id and text. */
function inspect(type: GraphQLInputType, value: unknown, path: string, problems: Problem[]): void {
  if (value === null || value === undefined) return;
  const t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) {
    if (Array.isArray(value)) value.forEach((item, i) => inspect(t.ofType, item, `${path}[${i}]`, problems));
    return;
  }
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) inspect(field.type, fieldValue, `${path}.${name}`, problems);
    }
    return;
  }
  if (!isScalarType(t) || typeof value !== 'string') return;
  if (t.name === 'ID') {
    if (!isUuid(value)) problems.push({ kind: 'id', field: path, message: `${path}: must be an id (a UUID)` });
  } else if (t.name === 'String') {
    const problem = textProblem(value);
    if (problem) problems.push({ kind: 'text', field: path, message: `${path}: ${problem}` });
  }
}

/**
 * Every GraphQL operation's arguments, checked once at the edge against the schema's own types
 * (docs/api.md, Errors): every `ID` must be a UUID, every `String` must be text PostgreSQL can
 * store (no NUL character, no lone surrogate). Without this, such a value reached SQL and came
 * back as a server error.
 *
 * - Malformed text is `BAD_USER_INPUT` naming the field (`input.comment`).
 * - A malformed id is `null` where the operation's result may be null (`call(id:)`: no such
 *   record, the same answer as an unknown id), otherwise `BAD_USER_INPUT` naming the argument.
 *
 * It runs after the guard, so a caller without a token still gets UNAUTHENTICATED, and before the
 * pipes, so it sees the arguments as GraphQL coerced them. Nest applies interceptors to operations,
 * not to field resolvers; no field below the root takes an id or free text (a test checks).
 */
@Injectable()
export class EdgeInputInterceptor implements NestInterceptor {
  /** Per schema field, the arguments worth walking (none for most fields). */
  private readonly checked = new WeakMap<GraphQLField<unknown, unknown>, GraphQLArgument[]>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const field = info.parentType.getFields()[info.fieldName];
    if (!field) return next.handle();
    let args = this.checked.get(field);
    if (!args) {
      args = field.args.filter((a) => holdsIdOrText(a.type));
      this.checked.set(field, args);
    }
    if (!args.length) return next.handle();
    const values = gql.getArgs<Record<string, unknown>>();
    const problems: Problem[] = [];
    for (const arg of args) inspect(arg.type, values[arg.name], arg.name, problems);
    if (!problems.length) return next.handle();
    const text = problems.filter((p) => p.kind === 'text');
    if (!text.length && !isNonNullType(field.type)) return of(null);
    const reported = text.length ? text : problems;
    const issues = reported.map(({ field: f, message }) => ({ field: f, message }));
    return throwError(() =>
      badInput(issues.map((i) => i.message).join('; '), issues[0]!.field, issues.length > 1 ? { issues } : {}),
    );
  }
}
