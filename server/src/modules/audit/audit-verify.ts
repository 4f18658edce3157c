/**
 * `npm run audit:verify`: recomputes the audit hash chain of the configured database (DATA_DIR's
 * PGlite with the server stopped, or DATABASE_URL) and prints the counts, the head to record
 * elsewhere (an anchor: a rewritten chain no longer passes through it), and the first broken link.
 * Exit code 0 = intact, 1 = broken, 2 = could not run.
 */
import { readConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { type VerifyReport, verifyAudit } from './audit.chain.ts';

export function describeReport(r: VerifyReport): string[] {
  const lines = [
    `sealed events: ${r.sealed} (verified in ${r.seconds} s, ${r.eventsPerSecond} events/s)`,
    `unsealed events: ${r.unsealed}${r.oldestUnsealed ? ` (lowest id ${r.oldestUnsealed.id}, from ${r.oldestUnsealed.at}; the server seals within a second)` : ''}`,
    `head: seal ${r.head.seq} sha256 ${r.head.hash}`,
  ];
  if (r.broken) lines.push(`BROKEN at seal ${r.broken.seq}${r.broken.eventId !== null ? `, event ${r.broken.eventId}` : ''}: ${r.broken.reason}`);
  else lines.push('chain intact');
  return lines;
}

export async function runAuditVerify(env: Record<string, string | undefined>, print: (line: string) => void): Promise<number> {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(readConfig(env));
  } catch (error) {
    print(`cannot open the database: ${(error as Error).message}`);
    return 2;
  }
  try {
    const report = await verifyAudit(database.db);
    for (const line of describeReport(report)) print(line);
    return report.broken ? 1 : 0;
  } catch (error) {
    print(`verification failed to run: ${(error as Error).message}`);
    return 2;
  } finally {
    await database.close();
  }
}
