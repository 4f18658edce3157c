/**
 * Schema pieces every capability's contract uses: paging, ids, dates and instants, the error body.
 * Schemas validate requests and write the OpenAPI document on the server; their `Static` types
 * are what the web reads, so the two cannot drift apart.
 */
import { type Static, type TLiteral, type TSchema, type TUnion, Type } from 'typebox';

/** Page of a list: spread into a query schema (`{ ...Page, q: … }`). */
export const Page = {
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
};
export const PageQuery = Type.Object(Page);
export type PageQuery = Static<typeof PageQuery>;

/** A page of a list: the items asked for and how many match in all. */
export const listOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });
export type ListOf<T> = { items: T[]; total: number };

/**
 * A calendar date that exists: the pattern alone let 2026-02-30 through to PostgreSQL (a 500);
 * ajv's `date` format checks the day against the month and leap years. Year 0000 does not exist
 * in PostgreSQL's calendar either.
 */
export const IsoDate = Type.String({ format: 'date', pattern: '^(?!0000)\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export type IsoDate = Static<typeof IsoDate>;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export type IdParams = Static<typeof IdParams>;

/**
 * The key of a message in the server's catalogue (common/src/messages) and the values of its
 * placeholders, spread into every shape that carries a message: a client shows the key in its own
 * language, and the same sentence stays in `message` (Vietnamese) and `messageEn` for those that
 * do not know the key. Findings stored before the catalogue have neither.
 */
export const MessageRef = {
  key: Type.Optional(Type.String({ description: "the message's key in the server's catalogue, e.g. 'registry.householdCodeTaken'" })),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), { description: "values of the key's placeholders, e.g. { code: 'H12' }" })),
};

/** What is wrong with one field of a request. */
export const FieldError = Type.Object({ field: Type.String(), ...MessageRef, message: Type.String(), messageEn: Type.String() });
export type FieldError = Static<typeof FieldError>;

/** A finding a person must confirm (422 `needs_confirmation`), kept on the resident afterwards. */
export const Warning = Type.Object({ field: Type.String(), code: Type.String(), ...MessageRef, message: Type.String(), messageEn: Type.String() });
export type Warning = Static<typeof Warning>;

/** Every 4xx/5xx body: a code, the message (its key, parameters, Vietnamese and English sentence), what is wrong field by field. */
export const ErrorBody = Type.Object(
  {
    code: Type.String(),
    ...MessageRef,
    message: Type.String({ description: 'Vietnamese' }),
    messageEn: Type.String(),
    errors: Type.Optional(Type.Array(FieldError)),
    warnings: Type.Optional(Type.Array(Warning, { description: 'needs_confirmation: what to confirm (send again with confirmWarnings)' })),
    retryAfterSeconds: Type.Optional(Type.Integer({ description: 'rate_limited, imports_busy: when to try again' })),
    attemptsLeft: Type.Optional(Type.Integer({ description: 'wrong_credentials: the sign-ins left before this source must wait, when few are' })),
    residentId: Type.Optional(Type.Integer({ description: 'a duplicate identifier: the record that holds it' })),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;

declare const instantFormat: unique symbol;
/**
 * An ISO 8601 instant as the client receives it. The (optional, never present) symbol key lets
 * the server's type provider accept a `Date` from the database here and only here (`Sent` in
 * server/src/http/app-types.ts): the serialiser writes it as ISO 8601. To the web it is a string.
 */
export type IsoInstant = string & { readonly [instantFormat]?: 'date-time' };
export type InstantBrand = typeof instantFormat;
export const Instant = Type.Unsafe<IsoInstant>({ type: 'string', format: 'date-time' });
export type Instant = Static<typeof Instant>;

/**
 * A value or null. Null comes first: the validator coerces types (query strings arrive as text),
 * and with the value's type first it would turn a JSON null into 0 or "" before trying null.
 */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);

/**
 * An enum as a union of literals, built from one of common's `as const` arrays, so the web gets
 * the literal union and the OpenAPI document lists the values. (`Type.Union(values.map(Type.Literal))`
 * alone types as an array of `TLiteral<'a' | 'b'>`, which TypeBox's Static reads as never.)
 */
export const literalUnion = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;

/** The id of what a request created. */
export const Created = Type.Object({ id: Type.Integer() });
export type Created = Static<typeof Created>;
