/** The product version, from the root package.json (one source). */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const VERSION: string = require('../../package.json').version;
