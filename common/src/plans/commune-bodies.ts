/**
 * A task given to "Ủy ban nhân dân các xã, phường" or "Trạm Y tế các xã, thị trấn" is given to
 * every commune of the plan's area: each commune's committee (or station) carries out and reports
 * its own part. This reads such a name; a body of one named commune ("UBND xã Hợp Thành") is
 * not one.
 */
import { foldVietnamese } from '../text.ts';

export const COMMUNE_BODIES = ['committee', 'station'] as const;
export type CommuneBody = (typeof COMMUNE_BODIES)[number];

const KIND = '(?:xa|phuong|thi tran|dac khu|cap xa)';
/** "các xã, phường", "xã, phường, thị trấn", "cấp xã": every commune, not a named one. */
const EVERY = new RegExp(`^(?:(?:cac )${KIND}(?:(?:, ?| va |, va )${KIND})*|${KIND}(?:(?:, ?| va |, va )${KIND})+|cap xa)$`);
const BODY: [RegExp, CommuneBody][] = [
  [/^(?:uy ban nhan dan|ubnd) (.+)$/, 'committee'],
  [/^(?:tram y te|tyt) (.+)$/, 'station'],
];

/** The body every commune has that a collective agency name designates, or null. */
export function everyCommunesBody(agencyName: string): CommuneBody | null {
  const folded = foldVietnamese(agencyName).replace(/[.;:]+$/, '').trim();
  for (const [pattern, body] of BODY) {
    const rest = pattern.exec(folded)?.[1];
    if (rest && EVERY.test(rest)) return body;
  }
  return null;
}

/** The name a commune's own body is filed under when it reports its part ("Ủy ban nhân dân Phường Đức Xuân"). */
export function communeBodyName(body: CommuneBody, communeName: string): string {
  return `${body === 'committee' ? 'Ủy ban nhân dân' : 'Trạm Y tế'} ${communeName}`;
}
