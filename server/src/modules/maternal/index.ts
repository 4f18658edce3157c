/** Mother and child: pregnancies and antenatal care. */
export { maternalRoutes } from './maternal.routes.ts';
