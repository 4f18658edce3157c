/** The Fastify instance type every module registers routes on, and what a request carries. */
import type { InstantBrand, Permission } from '@ytcs/common';
import type { FastifyBaseLogger, FastifyInstance, FastifyTypeProvider, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { Kysely } from 'kysely';
import type { Principal, Scope } from '../access/principal.ts';
import type { Config } from '../config.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { SessionService } from '../modules/auth/auth.session.ts';
import type { Refresher } from '../modules/indicators/refresher.ts';
import type { Sealer } from '../modules/audit/audit.chain.ts';

/**
 * What a handler may return for a response schema of the contract. The contract states what the
 * client receives; the serialiser also takes a Date for an instant (written as ISO 8601) and any
 * text for an enum (the database's check constraints hold those, its rows are typed as text).
 */
export type Sent<T> = T extends string
  ? InstantBrand extends keyof T
    ? string | Date
    : string
  : T extends readonly (infer U)[]
    ? Sent<U>[]
    : T extends object
      ? { [K in keyof T]: Sent<T[K]> }
      : T;

/** A contract type as a service builds it: instants may still be Dates (see `Sent`). */
export type Dated<T> = T extends string
  ? InstantBrand extends keyof T
    ? T | Date
    : T
  : T extends readonly (infer U)[]
    ? Dated<U>[]
    : T extends object
      ? { [K in keyof T]: Dated<T[K]> }
      : T;

/** TypeBox's provider, with replies typed by `Sent`. */
export interface ContractTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  serializer: this['schema'] extends TSchema ? Sent<Static<this['schema']>> : unknown;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ContractTypeProvider>;

/** What a route needs: a permission (scoped), any signed-in user, or nothing. */
export type RouteAccess = Permission | 'signed-in' | 'public';

/** A declared /api route: what the authorisation matrix walks. */
export interface ApiRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/** Who did it and from where, for the audit log. */
export interface Actor {
  userId: number | null;
  ip: string | null;
  requestId: string | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RouteAccess;
  }
  interface FastifyInstance {
    db: Kysely<DB>;
    dbKind: DatabaseKind;
    config: Config;
    sessions: SessionService;
    /** Keeps computed indicator values fresh (indicator_refresh queue). */
    refresher: Refresher;
    /** Every /api route with its declared access (filled as routes register). */
    apiRoutes: ApiRoute[];
    /** Hash-chains committed audit events in the background (audit.chain.ts). */
    auditSealer: Sealer;
  }
  interface FastifyRequest {
    principal: Principal | null;
    scope: Scope;
    actor: Actor;
  }
}
