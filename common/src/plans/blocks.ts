/**
 * Rebuilds the logical paragraphs of a plan from its lines. Scans and PDF exports break lines
 * mid-sentence (often with a blank line between), so a line is glued to the previous one unless
 * it starts a heading or bullet, or the previous one visibly ended.
 */
import { collapse, flat, isAllCaps, startsLower, TERMINATOR } from './normalise.ts';

export type BlockKind = 'roman' | 'number' | 'letter' | 'bullet' | 'text';

export interface Block {
  kind: BlockKind;
  /** 'IV', '2.1', 'a', '-', '+' ('' for plain text). */
  marker: string;
  text: string;
}

// Party committees number with a dash ("I-", "1-", "a-"); a dash form must be followed by a
// capitalised word (a heading), so that "25-CT/TW …" or "5 - 10 năm" wrapped onto a line are not.
const DASHED = String.raw`[-–]\s*(\p{Lu}\p{L}*(?:[\s,:]|$).*)`;
const ROMAN = new RegExp(String.raw`^([IVX]{1,4})\s*(?:[.)/]\s*(\S.*)|${DASHED})$`, 'u');
const NUMBER = new RegExp(String.raw`^(\d{1,2}(?:\.\d{1,2})*)\s*(?:[.)]\s*(\S.*)|${DASHED})$|^(\d{1,2}(?:\.\d{1,2})+)\s+(\S.*)$`, 'u');
const LETTER = new RegExp(String.raw`^([a-zđ])\s*(?:[).]\s+(\S.*)|${DASHED})$`, 'u');
// Word and PDF exports turn Symbol-font bullets into private-use characters.
const BULLET = /^([-–—+•*●▪◦·\uf0b7\uf0a7\uf02d\uf0d8])\s*(\S.*)$/;
const SUB_BULLETS = new Set(['+', '◦', '▪']);

export function classify(line: string): Block {
  let m = ROMAN.exec(line);
  if (m?.[1] && (m[2] ?? m[3])) return { kind: 'roman', marker: m[1], text: m[2] ?? m[3] ?? '' };
  m = NUMBER.exec(line);
  if (m) {
    const marker = m[1] ?? m[4] ?? '';
    const text = m[2] ?? m[3] ?? m[5] ?? '';
    // "25/10/2023 của ..." or "2030, ..." wrapped onto a new line are not headings.
    if (!/^\d{3,}/.test(line)) return { kind: 'number', marker, text };
  }
  m = LETTER.exec(line);
  if (m?.[1] && (m[2] ?? m[3])) return { kind: 'letter', marker: m[1], text: m[2] ?? m[3] ?? '' };
  m = BULLET.exec(line);
  if (m?.[1] && m[2]) return { kind: 'bullet', marker: SUB_BULLETS.has(m[1]) ? '+' : '-', text: m[2] };
  return { kind: 'text', marker: '', text: line };
}

export function isHeading(block: Block): boolean {
  return block.kind === 'roman' || block.kind === 'number' || block.kind === 'letter';
}

function continues(prev: Block, line: Block): boolean {
  if (line.kind !== 'text') return false;
  if (startsLower(line.text)) return true;
  if (TERMINATOR.test(prev.text)) return false;
  // A heading line usually stands alone; an upper-case heading may wrap onto a second one.
  if (isHeading(prev)) return isAllCaps(prev.text) && isAllCaps(line.text);
  return true;
}

export function toBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (const raw of lines) {
    const line = collapse(flat(raw));
    if (!line || /^[-_=*.]{3,}$/.test(line)) continue;
    const block = classify(line);
    const prev = blocks.at(-1);
    if (prev && continues(prev, block)) prev.text = `${prev.text} ${block.text}`;
    else blocks.push(block);
  }
  return blocks;
}
