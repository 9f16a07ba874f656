import { Field, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { badInput } from './errors.js';
import { isUuid } from './ids.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** A keyset cursor: the sort key and id of the last row of a page, opaque to clients. */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

export function decodeCursor(after: string | null | undefined): Cursor | null {
  if (!after) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at)) && isUuid(id)) {
      return { at, id };
    }
  } catch {
    // fall through
  }
  throw badInput('after is not a cursor this API gave out.', 'after');
}

/** `first`, defaulted and capped: a client cannot ask for an unbounded page. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  return first;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/** Cuts the `size + 1` rows a keyset query fetched into a page and its PageInfo. */
export function toPage<T>(rows: T[], size: number, cursorOf: (row: T) => Cursor): Page<T> {
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor(cursorOf(last)) : null } };
}

/** A Relay-style connection type for `Node`. */
export function Connection<TNode>(nodeType: Type<TNode>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => nodeType)
    node!: TNode;

    @Field()
    cursor!: string;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The nodes of the edges, for clients that need no cursors.' })
    nodes!: TNode[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** Builds the GraphQL connection object from a page. */
export function toConnection<TRow, TNode>(page: Page<TRow>, toNode: (row: TRow) => TNode, cursorOf: (row: TRow) => Cursor) {
  const edges = page.nodes.map((row) => ({ node: toNode(row), cursor: encodeCursor(cursorOf(row)) }));
  return { edges, nodes: edges.map((edge) => edge.node), pageInfo: page.pageInfo };
}
