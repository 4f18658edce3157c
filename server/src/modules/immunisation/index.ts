/** The immunisation programme's front door. */
export { immunisationRoutes } from './immunisation.routes.ts';
