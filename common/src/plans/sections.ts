/**
 * Where each body block sits: its heading path ('IV.2', 'II.2.1') and what kind of section
 * that is. Plans name their sections in a handful of ways ("NHIỆM VỤ, GIẢI PHÁP", "NỘI DUNG
 * TRỌNG TÂM", "TỔ CHỨC THỰC HIỆN"), and the kind decides whether a block is a target, a task
 * or neither.
 */
import { type Block, isHeading } from './blocks.ts';
import { foldWords } from './normalise.ts';

export type SectionKind = 'purpose' | 'situation' | 'targets' | 'solutions' | 'organisation' | 'reporting' | 'other';

export interface Placed {
  block: Block;
  /** 'IV.2'; '' before any heading. */
  section: string;
  kind: SectionKind;
  /** Headings above the block, outermost first (the block itself excluded). */
  headings: Block[];
}

const KIND_BY_START: [RegExp, SectionKind][] = [
  [/^(muc dich|yeu cau)/, 'purpose'],
  [/^(cac )?(muc tieu|chi tieu)/, 'targets'],
  [/^(cac )?(nhiem vu|giai phap|noi dung)/, 'solutions'],
  [/^(to chuc thuc hien|trach nhiem|phan cong|giao nhiem vu)/, 'organisation'],
  [/^(che do bao cao|bao cao|thong tin bao cao)/, 'reporting'],
  // "ĐÁNH GIÁ THỰC TRẠNG", "KẾT QUẢ ĐẠT ĐƯỢC": where a plan states today's figures (baselines.ts).
  [/^(thuc trang|danh gia|ket qua|tinh hinh)/, 'situation'],
  [/^(kinh phi|nguon kinh phi|can cu|co so)/, 'other'],
];

export function kindOfHeading(text: string): SectionKind | null {
  const folded = foldWords(text);
  return KIND_BY_START.find(([re]) => re.test(folded))?.[1] ?? null;
}

const LEVEL: Record<string, number> = { roman: 0, number: 1, letter: 3 };

function levelOf(block: Block): number {
  // "2.1" sits below "2": one level per dot.
  if (block.kind === 'number') return 1 + Math.min(1, block.marker.split('.').length - 1);
  return LEVEL[block.kind] ?? 9;
}

export function sectionId(headings: Block[]): string {
  return headings.map((h) => h.marker).join('.');
}

export function placeBlocks(body: Block[]): Placed[] {
  const path: Block[] = [];
  const out: Placed[] = [];
  for (const block of body) {
    if (isHeading(block)) {
      const level = levelOf(block);
      while (path.length > 0 && levelOf(path.at(-1) as Block) >= level) path.pop();
      // "2.1" already names its parent number, so it replaces "2" rather than nesting under it.
      if (block.kind === 'number' && block.marker.includes('.')) {
        while (path.length > 0 && path.at(-1)?.kind === 'number') path.pop();
      }
    }
    const headings = [...path];
    const chain = isHeading(block) ? [...path, block] : path;
    let kind: SectionKind = 'other';
    for (let i = chain.length - 1; i >= 0; i--) {
      const k = kindOfHeading(chain[i]?.text ?? '');
      if (k) {
        kind = k;
        break;
      }
    }
    out.push({ block, section: sectionId(chain.filter(isHeading)), kind, headings });
    if (isHeading(block)) path.push(block);
  }
  return out;
}
