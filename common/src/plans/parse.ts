/**
 * parsePlanText: the text of a plan (kế hoạch) → a draft for a person to review. Pure: no I/O,
 * no clock. Each part is read by its own module; this file wires them together and writes the
 * warnings a reviewer needs.
 */
import { readClosing } from './closing.ts';
import { withBaselines } from './baselines.ts';
import { splitDocument } from './document.ts';
import { areaInText, issuerInText, readHeaderIssuer, readIssueDate, readNumber } from './header.ts';
import { flat, normaliseLines } from './normalise.ts';
import { dedupeRefs, findRefs, numberKey } from './references.ts';
import { dropImplausible } from './plausible.ts';
import { readPeriod } from './period.ts';
import { placeBlocks } from './sections.ts';
import { findTargets, unreadablePercents } from './targets.ts';
import { findTasks } from './tasks.ts';
import type { DocumentRef, PlanDraft, PlanIssuer, PlanWarning } from './types.ts';
import { WARN } from './warnings.ts';

const NO_ISSUER: PlanIssuer = { name: null, level: null, areaName: null, areaKind: null };

function strip(ref: DocumentRef): DocumentRef {
  return { kind: ref.kind, number: ref.number, issuedOn: ref.issuedOn, issuer: ref.issuer, text: ref.text };
}

export function parsePlanText(text: string): PlanDraft {
  const warnings: PlanWarning[] = [];
  const lines = normaliseLines(text);
  const doc = splitDocument(lines);
  // Without the word KẾ HOẠCH the header cannot be told from the body; look at the top lines.
  const header = doc.titleFound ? doc.header : lines.slice(0, 12);
  const preambleText = doc.preamble.map((b) => b.text).join(' ');
  const bodyText = doc.body.map((b) => b.text).join('\n');

  const { number, found: numberFound } = readNumber(header);
  if (!numberFound) warnings.push(WARN.numberMissing());
  else if (!number) warnings.push(WARN.numberBlank());

  const date = readIssueDate(header);
  if (!date) warnings.push(WARN.dateMissing());
  else if (!date.issuedOn && date.issuedMonth) warnings.push(WARN.dayBlank());

  let issuer = readHeaderIssuer(header) ?? issuerInText(preambleText) ?? issuerInText(`${doc.title} ${preambleText} ${doc.closingStatement}`);
  if (!issuer) {
    issuer = areaInText(doc.title) ?? areaInText(doc.closingStatement);
    warnings.push(issuer ? WARN.issuerInferred(issuer.name ?? '') : WARN.issuerMissing());
  }

  const titleRefs = dedupeRefs(findRefs(doc.title));
  const preambleRefs = findRefs(preambleText);
  const all = dedupeRefs([...findRefs(doc.title), ...preambleRefs, ...findRefs(bodyText), ...findRefs(doc.closingStatement)]);
  const own = number ? numberKey(number) : null;
  const legalBasis = all.filter((r) => numberKey(r.number) !== own);
  const full = (r: DocumentRef) => legalBasis.find((x) => numberKey(x.number) === numberKey(r.number)) ?? r;
  const implementsRefs = titleRefs.filter((r) => r.kind !== 'Kế hoạch').map(full);
  if (implementsRefs.length === 0) warnings.push(WARN.implementsMissing());
  // The higher plan: a "Kế hoạch" cited in the preamble, a government one (…/KH-UBND) first.
  const plans = [...preambleRefs, ...findRefs(doc.title)].filter((r) => r.kind === 'Kế hoạch' && numberKey(r.number) !== own);
  const parent = plans.find((r) => /UBND/i.test(r.number)) ?? plans[0] ?? null;
  if (!parent) warnings.push(WARN.parentMissing());

  const placed = placeBlocks(doc.body);
  const level = issuer?.level ?? null;
  const checked = dropImplausible(findTargets(placed), level);
  const found = withBaselines(placed, checked.targets, level);
  const targets = found.map(({ implied: _implied, ...t }) => t);
  if (targets.length === 0) warnings.push(WARN.noTargets());
  const implied = found.filter((t) => t.implied).length;
  if (implied) warnings.push(WARN.targetsImplied(implied));
  const noYear = targets.filter((t) => t.year === null).length;
  if (noYear) warnings.push(WARN.targetsWithoutYear(noYear));
  const noIndicator = targets.filter((t) => t.indicatorCode === null).length;
  if (noIndicator) warnings.push(WARN.targetsWithoutIndicator(noIndicator));
  const unreadable = unreadablePercents(bodyText);
  if (unreadable.length) warnings.push(WARN.percentUnreadable(unreadable));
  warnings.push(...checked.warnings);

  const tasks = findTasks(placed);
  if (tasks.length === 0) warnings.push(WARN.noTasks());
  const ownerless = tasks.filter((t) => t.lead.length === 0).length;
  if (ownerless) warnings.push(WARN.tasksWithoutLead(ownerless));

  const closingLines = doc.closing.length ? doc.closing : signatureTail(lines);
  const { recipients, signer, doubtful: signerDoubt } = readClosing(closingLines);
  if (recipients.length === 0) warnings.push(WARN.noRecipients());
  if (!signer.name) warnings.push(signerDoubt ? WARN.signerDoubtful(signerDoubt) : WARN.signerMissing());
  // A body with no ending at all — no "Trên đây là…", no "Nơi nhận", no signature — is most often
  // a document whose last pages did not arrive.
  if (doc.body.length > 0 && !doc.closingStatement && doc.closing.length === 0 && !signer.name) warnings.push(WARN.truncated());

  const issuedYear = date?.issuedOn ? Number(date.issuedOn.slice(0, 4)) : (date?.issuedMonth?.year ?? null);
  const targetYears = targets.map((t) => t.year).filter((y): y is number => y !== null);
  const { from: fromYear, to: toYear, doubtful } = readPeriod(doc.title, `${preambleText}\n${bodyText}`, issuedYear, targetYears);
  if (fromYear === null || toYear === null || doubtful) warnings.push(WARN.periodUnclear());

  return {
    issuer: issuer ?? NO_ISSUER,
    number,
    place: date?.place ?? null,
    issuedOn: date?.issuedOn ?? null,
    issuedMonth: date?.issuedMonth ?? null,
    title: doc.title,
    implements: implementsRefs.map(strip),
    parentPlan: parent ? strip(full(parent)) : null,
    legalBasis: legalBasis.map(strip),
    fromYear,
    toYear,
    targets,
    tasks,
    recipients,
    signer,
    warnings,
  };
}

/** Without "Nơi nhận", the signature is the last lines from the first "TM."/"KT." on. */
function signatureTail(lines: string[]): string[] {
  let at = -1;
  lines.forEach((l, i) => {
    if (/^(TM|KT|TL|TUQ|Q)\s*\./u.test(flat(l)) && (at < 0 || i > at + 3)) at = i;
  });
  return at >= 0 ? ['Nơi nhận:', ...lines.slice(at)] : [];
}
