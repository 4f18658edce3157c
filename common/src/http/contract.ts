/** Schema pieces every capability's contract uses: paging, ids, dates, the error body. */
import { type TLiteral, type TSchema, type TUnion, Type } from 'typebox';

export const Page = {
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
};

export const listOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });

/**
 * A calendar date that exists: the pattern alone let 2026-02-30 through to PostgreSQL (a 500);
 * ajv's `date` format checks the day against the month and leap years. Year 0000 does not exist
 * in PostgreSQL's calendar either.
 */
export const IsoDate = Type.String({ format: 'date', pattern: '^(?!0000)\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const FieldError = Type.Object({ field: Type.String(), message: Type.String(), messageEn: Type.String() });

export const ErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String({ description: 'Vietnamese' }),
    messageEn: Type.String(),
    errors: Type.Optional(Type.Array(FieldError)),
  },
  { $id: 'ErrorBody' },
);

/** An instant: a Date from the database, serialised as ISO 8601. */
export const Instant = Type.Unsafe<string | Date>({ type: 'string', format: 'date-time' });

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
