/** The Fastify instance type every module registers routes on, and what a request carries. */
import type { Permission } from '@ytcs/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Kysely } from 'kysely';
import type { Principal, Scope } from '../access/principal.ts';
import type { Config } from '../config.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { SessionService } from '../modules/auth/auth.session.ts';
import type { Refresher } from '../modules/indicators/refresher.ts';
import type { Sealer } from '../modules/audit/audit.chain.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

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
