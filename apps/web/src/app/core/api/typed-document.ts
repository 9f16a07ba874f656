import type { Operations } from '../../graphql-types';

declare const types: unique symbol;

/**
 * A GraphQL document as the string sent to the server, branded with its result (`R`) and
 * variables (`V`) types. The brand exists for the compiler only: at run time it is the plain string.
 */
export type TypedDocumentString<R, V> = string & { readonly [types]?: { result: R; variables: V } };

type Blank = ' ' | '\n' | '\r' | '\t' | ',';
type CharsOf<S extends string, Chars extends string = never> = S extends `${infer C}${infer Rest}`
  ? CharsOf<Rest, Chars | C>
  : Chars;
type NameChar = CharsOf<'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'>;
type TrimStart<S extends string> = S extends `${Blank}${infer Rest}` ? TrimStart<Rest> : S;
type TakeName<S extends string, Name extends string = ''> = S extends `${infer C}${infer Rest}`
  ? C extends NameChar
    ? TakeName<Rest, `${Name}${C}`>
    : Name
  : Name;

/** The name of the operation a document's text opens with (`query Me …` gives `Me`). */
export type OperationName<S extends string> =
  TrimStart<S> extends `${'query' | 'mutation' | 'subscription'}${Blank}${infer Rest}` ? TakeName<TrimStart<Rest>> : never;

/** What {@link operation} makes of a text: the typed document, or the reason the compiler shows. */
export type DocumentFor<S extends string> =
  OperationName<S> extends infer Name extends keyof Operations
    ? TypedDocumentString<Operations[Name]['result'], Operations[Name]['variables']>
    : { error: 'not a named operation of graphql-types.ts (npm run codegen)'; name: OperationName<S> };

/**
 * Marks a `/* GraphQL *\/` operation as a typed document: the compiler reads the operation's name
 * from the text itself and finds its result and variables types in the generated `Operations`
 * (npm run codegen), so `GraphqlClient.request(document, variables)` infers both. Nothing at run
 * time: the document stays the string it was.
 */
export function operation<const S extends string>(source: S): DocumentFor<S> {
  return source as unknown as DocumentFor<S>;
}
