/** The users module's front door: user administration (no other module needs more today). */
export { userService } from './users.service.ts';
