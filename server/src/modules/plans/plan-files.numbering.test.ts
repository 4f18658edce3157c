import fs from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '@ytcs/common';
import { scoreDraft } from '../../../../common/src/plans/corpus/score.ts';
import { partyStyle } from '../../../../common/src/plans/corpus/variants.ts';
import { docxText } from './plan-files.docx.ts';
import { PLAN_FILE_LIMITS } from './plan-files.limits.ts';
import { withListLabels } from './plan-files.numbering.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lvl = (ilvl: number, format: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;

/**
 * A plan as Word numbers it: headings I., II. in a Heading 1 style whose numbering lives in
 * styles.xml (the level tied to the style); items 1., 2. in a list restarted at each heading as
 * Word does it (a new w:num on the same abstract list, with a startOverride); `sep` is "." or "-".
 */
function wordNumbered(text: string, sep: '.' | '-'): { auto: Buffer; literal: Buffer } {
  const heading = new RegExp(`^([IVX]+)\\${sep}\\s+`);
  const item = new RegExp(`^(\\d{1,2})\\${sep}\\s+`);
  const autoParas: string[] = [];
  const literalParas: string[] = [];
  const nums: string[] = ['<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'];
  let itemsNum = 0;
  let lastWasHeading = true;
  const para = (props: string, body: string) => `<w:p><w:pPr>${props}</w:pPr><w:r><w:t xml:space="preserve">${esc(body)}</w:t></w:r></w:p>`;
  for (const line of text.split('\n').filter((l) => l.trim())) {
    literalParas.push(para('', line));
    if (heading.test(line)) {
      autoParas.push(para('<w:pStyle w:val="Heading1"/>', line.replace(heading, '')));
      lastWasHeading = true;
    } else if (item.test(line)) {
      if (lastWasHeading) {
        itemsNum = nums.length + 1;
        // The first list continues the abstract list as is; each later one restarts at 1.
        const override = itemsNum > 2 ? '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' : '';
        nums.push(`<w:num w:numId="${itemsNum}"><w:abstractNumId w:val="2"/>${override}</w:num>`);
      }
      autoParas.push(para(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${itemsNum}"/></w:numPr>`, line.replace(item, '')));
      lastWasHeading = false;
    } else autoParas.push(para('', line));
  }
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="1">${lvl(0, 'upperRoman', `%1${sep}`, '<w:pStyle w:val="Heading1"/>')}</w:abstractNum><w:abstractNum w:abstractNumId="2">${lvl(0, 'decimal', `%1${sep}`)}${lvl(1, 'lowerLetter', '%2)')}</w:abstractNum>${nums.join('')}</w:numbering>`;
  const styles = `<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
  const docx = (paras: string[]) =>
    Buffer.from(
      zipSync({
        '[Content_Types].xml': Buffer.from(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
        '_rels/.rels': Buffer.from(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        ),
        'word/_rels/document.xml.rels': Buffer.from(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
        ),
        'word/document.xml': Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body>${paras.join('')}</w:body></w:document>`),
        'word/styles.xml': Buffer.from(styles),
        'word/numbering.xml': Buffer.from(numbering),
      }),
    );
  return { auto: docx(autoParas), literal: docx(literalParas) };
}

const seed = fs.readFileSync(new URL('../../../data/plans/000_812f56a7d619c33e.txt', import.meta.url), 'utf8');

describe('a plan numbered by Word', () => {
  it.each([
    ['I. and 1.', seed, '.' as const],
    ['the Party’s I- and 1-', partyStyle(seed, '000'), '-' as const],
  ])('headings and items numbered %s read as the same plan typed with its numbers', async (_name, text, sep) => {
    const { auto, literal } = wordNumbered(text, sep);
    const read = await docxText(auto, 'a.docx', PLAN_FILE_LIMITS);
    expect(read.text).toBe((await docxText(literal, 'a.docx', PLAN_FILE_LIMITS)).text);
    const score = scoreDraft(parsePlanText(read.text), parsePlanText(text), {});
    expect([score.wrong, score.right, score.mistakes]).toEqual([0, score.fields, []]);
  });
});

describe('withListLabels', () => {
  const numbering = (levels: string, nums: string) => `<w:numbering><w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum>${nums}</w:numbering>`;
  const p = (numId: number, ilvl = 0) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`;
  const labels = (xml: string) => [...xml.matchAll(/<w:t xml:space="preserve">([^<]*) <\/w:t>/g)].map((m) => m[1]).join(' ');

  it('continues a list across lists of the same abstract numbering, and restarts where Word is told to', () => {
    const nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
    const xml = withListLabels(`${p(1)}${p(1)}${p(2)}${p(3)}${p(3)}`, numbering(lvl(0, 'decimal', '%1.'), nums));
    expect(labels(xml)).toBe('1. 2. 3. 1. 2.');
  });

  it('restarts a level after a higher one unless lvlRestart says otherwise; isLgl writes every level in digits', () => {
    const levels = lvl(0, 'upperRoman', '%1.') + lvl(1, 'decimal', '%2.') + lvl(2, 'decimal', '%1.%3', '<w:lvlRestart w:val="0"/><w:isLgl/>');
    const xml = withListLabels(`${p(1)}${p(1, 1)}${p(1, 2)}${p(1)}${p(1, 1)}${p(1, 2)}`, numbering(levels, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'));
    expect(labels(xml)).toBe('I. 1. 1.1 II. 1. 2.2');
  });
});
