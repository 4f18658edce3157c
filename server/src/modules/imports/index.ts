/** The import and export's front door. */
export { xlsxStream } from './imports.xlsx.ts';
