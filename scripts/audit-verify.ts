/** `npm run audit:verify`: see server/src/modules/audit/audit-verify.ts. */
import { runAuditVerify } from '../server/src/modules/audit/audit-verify.ts';

process.exitCode = await runAuditVerify(process.env, (line) => console.log(line));
