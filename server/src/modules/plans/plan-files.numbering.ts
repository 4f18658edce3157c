/**
 * Word's automatic list numbers ("I.", "1.", "a)", the Party's "I-", "1-"), which live in
 * numbering.xml and not in the text mammoth gives, written into their paragraphs as text — the
 * plan parser reads a plan's structure (sections, targets, tasks) from them. The common cases are
 * counted as Word counts them: a paragraph's list from its own numPr or its style's (headings
 * numbered by a Heading style); lists sharing an abstract numbering continue each other unless
 * one restarts (startOverride); a level restarts after a higher one unless lvlRestart says not;
 * isLgl writes every level in digits.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  /** lvlRestart: restart after a level up to this one (1-based); 0 never; undefined after any higher level. */
  restart?: number;
  legal: boolean;
  /** The paragraph style this level is tied to (a heading style's level). */
  style?: string;
}

interface List {
  /** Whose counters it uses: the abstract numbering's, or its own when it restarts (startOverride). */
  counter: string;
  abstractId: string;
  levels: Map<number, Level>;
}

const val = (xml: string, name: string) => new RegExp(`<w:${name}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];

function readLevels(xml: string): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of xml.matchAll(/<w:lvl\b[^>]*\bw:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
    const body = lvl[2] ?? '';
    const restart = val(body, 'lvlRestart');
    levels.set(Number(lvl[1]), {
      start: Number(val(body, 'start') ?? 1),
      format: val(body, 'numFmt') ?? 'decimal',
      text: val(body, 'lvlText') ?? '',
      restart: restart === undefined ? undefined : Number(restart),
      legal: /<w:isLgl\b(?![^>]*w:val="(?:0|false)")/.test(body),
      style: val(body, 'pStyle'),
    });
  }
  return levels;
}

/** numbering.xml: each list (numId) with its levels, overrides applied. */
function readNumbering(xml: string): Map<string, List> {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*\bw:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) abstracts.set(m[1] ?? '', readLevels(m[2] ?? ''));
  const lists = new Map<string, List>();
  for (const m of xml.matchAll(/<w:num\b[^>]*\bw:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = val(m[2] ?? '', 'abstractNumId') ?? '';
    const base = abstracts.get(abstractId);
    if (!base) continue;
    const levels = new Map([...base].map(([k, v]) => [k, { ...v }]));
    let restarts = false;
    for (const o of (m[2] ?? '').matchAll(/<w:lvlOverride\b[^>]*\bw:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const level = levels.get(Number(o[1]));
      const start = val(o[2] ?? '', 'startOverride');
      if (level && start) {
        level.start = Number(start);
        restarts = true;
      }
    }
    lists.set(m[1] ?? '', { counter: restarts ? `num ${m[1]}` : `abstract ${abstractId}`, abstractId, levels });
  }
  return lists;
}

/** styles.xml: the list (and level, when it says) of each paragraph style, through basedOn. */
function readStyleNumbering(xml: string | undefined): (styleId: string | undefined) => { numId?: string; ilvl?: number } {
  const styles = new Map<string, { basedOn?: string; numId?: string; ilvl?: number }>();
  for (const m of (xml ?? '').matchAll(/<w:style\b[^>]*\bw:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const body = m[2] ?? '';
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(body)?.[1] ?? '';
    const ilvl = val(numPr, 'ilvl');
    styles.set(m[1] ?? '', { basedOn: val(body, 'basedOn'), numId: val(numPr, 'numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl) });
  }
  return (id) => {
    for (let depth = 0; id && depth < 20; depth++) {
      const style = styles.get(id);
      if (style?.numId !== undefined) return { numId: style.numId, ilvl: style.ilvl };
      id = style?.basedOn;
    }
    return {};
  };
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function formatNumber(n: number, format: string): string {
  if (format === 'upperRoman' || format === 'lowerRoman') {
    let out = '';
    let rest = n;
    for (const [v, s] of ROMAN) {
      while (rest >= v) {
        out += s;
        rest -= v;
      }
    }
    return format === 'lowerRoman' ? out.toLowerCase() : out;
  }
  if (format === 'upperLetter' || format === 'lowerLetter') {
    const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
    return format === 'upperLetter' ? letter.toUpperCase() : letter;
  }
  if (format === 'decimalZero') return String(n).padStart(2, '0');
  return String(n);
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** document.xml with each automatically numbered paragraph's label written in as its first run. */
export function withListLabels(documentXml: string, numberingXml: string | undefined, stylesXml?: string): string {
  if (!numberingXml) return documentXml;
  const lists = readNumbering(numberingXml);
  const styleNumbering = readStyleNumbering(stylesXml);
  const counters = new Map<string, (number | undefined)[]>();
  return documentXml.replace(/(<w:p(?:\s[^>]*)?>\s*<w:pPr>)([\s\S]*?)(<\/w:pPr>)/g, (whole, open: string, props: string, close: string) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(props)?.[1];
    const styleId = val(props, 'pStyle');
    const fromStyle = styleNumbering(styleId);
    const numId = (numPr && val(numPr, 'numId')) ?? fromStyle.numId;
    const list = numId ? lists.get(numId) : undefined; // numId 0: numbering switched off
    if (!numId || !list) return whole;
    const tied = [...list.levels].find(([, l]) => styleId && l.style === styleId)?.[0];
    const ilvlText = numPr && val(numPr, 'ilvl');
    const ilvl = ilvlText !== undefined ? Number(ilvlText) : (fromStyle.ilvl ?? tied ?? 0);
    const level = list.levels.get(ilvl);
    if (!level || level.format === 'none') return whole;
    let label: string;
    if (level.format === 'bullet') label = ['-', '+', '–', '•'].includes(level.text) ? level.text : '-';
    else {
      const count = counters.get(list.counter) ?? [];
      count[ilvl] = count[ilvl] === undefined ? level.start : count[ilvl] + 1;
      // Deeper levels start again under this one, unless their lvlRestart says otherwise.
      for (let d = ilvl + 1; d < Math.max(count.length, 9); d++) if (ilvl < (list.levels.get(d)?.restart ?? d)) count[d] = undefined;
      counters.set(list.counter, count);
      label = level.text.replace(/%(\d)/g, (_m, k: string) => {
        const at = Number(k) - 1;
        const shown = list.levels.get(at);
        return formatNumber(count[at] ?? shown?.start ?? 1, level.legal ? 'decimal' : (shown?.format ?? 'decimal'));
      });
    }
    return `${open}${props}${close}<w:r><w:t xml:space="preserve">${xmlEscape(label)} </w:t></w:r>`;
  });
}
