import { buildPGliteTemplate, buildPostgresTemplate } from './template.ts';

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (url) await buildPostgresTemplate(url);
  else await buildPGliteTemplate();
}
