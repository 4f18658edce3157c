/**
 * Who a report is issued by and addressed to on its date. A plan keeps the bodies it was written
 * for, but after the 2025 reorganisation some no longer exist: the districts were abolished and
 * provinces and communes merged. A report drawn now comes from the unit that carries the plan's
 * history today and goes to today's bodies: each closed unit the plan names becomes its
 * successor, a body of an abolished district ("HĐND thành phố") is left out, and a merged
 * commune's own bodies ("Trạm y tế xã") take the successor's kind word.
 */
import { foldVietnamese } from '@ytcs/common';

export interface Recipient {
  name: string;
  purpose: string | null;
}

/** A unit closed on the report's date that the plan may name, with the unit that carries its history. */
export interface Succeeded {
  name: string;
  level: string;
  successor: { name: string; level: string };
}

const KIND_WORD = /^(tỉnh|thành phố|thị xã|thị trấn|quận|huyện|phường|xã|đặc khu)\s+/iu;
/** Short forms written in recipient lists for the kind words. */
const ABBREVIATIONS: Record<string, string> = { 'thành phố': 'TP\\.?', 'thị xã': 'TX\\.?', 'thị trấn': 'TT\\.?' };
/** The party committee of each district kind (abolished with it). */
const DISTRICT_PARTY: Record<string, string> = { 'thành phố': 'thành ủy', 'thị xã': 'thị ủy', quận: 'quận ủy', huyện: 'huyện ủy' };

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const splitName = (name: string) => {
  const kind = KIND_WORD.exec(name)?.[1]?.toLocaleLowerCase('vi') ?? '';
  return { kind, place: name.slice(kind.length).trim() };
};
const kindPattern = (kind: string) => [literal(kind), ABBREVIATIONS[kind]].filter(Boolean).join('|');

/** The successor's name written the way the match was: all capitals, or the kind word in lower case. */
function writtenLike(match: string, name: string): string {
  if (match === match.toLocaleUpperCase('vi') && match !== match.toLocaleLowerCase('vi')) return name.toLocaleUpperCase('vi');
  const first = match.charAt(0);
  return first === first.toLocaleLowerCase('vi') ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}

/** One recipient on the report's date, or null when the body it names no longer exists. */
function recipientOn(recipient: Recipient, succeeded: Succeeded[]): Recipient | null {
  let name = recipient.name;
  // Abolished districts first: "Trung tâm Y tế thị xã" is a district's body, not a commune's.
  const ordered = [...succeeded].sort((a, b) => Number(b.level === 'district') - Number(a.level === 'district'));
  for (const unit of ordered) {
    const { kind, place } = splitName(unit.name);
    if (!kind || !place) continue;
    // The unit by name ("tỉnh Bắc Kạn", "TP. Bắc Kạn") → its successor.
    name = name.replace(new RegExp(`(?<!\\p{L})(?:${kindPattern(kind)})\\s*${literal(place)}(?!\\p{L})`, 'giu'), (m) => writtenLike(m, unit.successor.name));
    // The unit by its kind alone ("HĐND thành phố", "Trạm y tế xã"): the issuer's own bodies.
    const generic = new RegExp(`(?<!\\p{L})(?:${[kindPattern(kind), DISTRICT_PARTY[kind]].filter(Boolean).join('|')})(?!\\p{L})(?!\\s*\\p{Lu})`, 'iu');
    if (unit.level === 'district' && generic.test(name)) return null;
    if (unit.level === 'commune' && unit.successor.level === 'commune') {
      const successorKind = splitName(unit.successor.name).kind;
      if (successorKind && successorKind !== kind) {
        name = name.replace(new RegExp(`(?<!\\p{L})(?<!các\\s)(?<!thị\\s)${literal(kind)}(?!\\p{L})(?!\\s*\\p{Lu})`, 'giu'), successorKind);
      }
    }
  }
  return { ...recipient, name };
}

/**
 * The plan's recipients as they are on the report's date: successors for closed units, the
 * bodies of abolished districts left out, the report's own issuer left out, each body once.
 */
export function recipientsOn(recipients: Recipient[], succeeded: Succeeded[], issuerName: string): Recipient[] {
  const self = new Set(['ubnd', 'uy ban nhan dan'].map((body) => foldVietnamese(`${body} ${issuerName}`)));
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const recipient of recipients) {
    const now = recipientOn(recipient, succeeded);
    if (!now) continue;
    const key = foldVietnamese(now.name);
    if (self.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(now);
  }
  return out;
}
