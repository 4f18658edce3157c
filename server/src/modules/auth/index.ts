/** The auth module's front door: sessions and password hashing, which user administration and the tools use. */
export { PURGE_EVERY_MS, SESSION_COOKIE, type SessionService, sessionService } from './auth.session.ts';
export { PASSWORD_MIN_LENGTH, hashPassword } from './passwords.ts';
