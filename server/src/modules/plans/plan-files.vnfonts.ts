/**
 * Runs of a Word document typed in the old Vietnamese fonts. A run in a .Vn font (.VnTime,
 * .VnArial…) holds TCVN3 bytes as Latin-1 characters, and one in a font ending in H (.VnTimeH) is
 * drawn in capitals whatever its codes; a run in a VNI font (VNI-Times) holds VNI, which is not
 * converted. The font is read from the run, else its character style, its paragraph's style, the
 * default paragraph style, the document's defaults — so a document that mixes old and Unicode
 * fonts is converted only where it is old. The font alone is not trusted (Unicode typed while a
 * .Vn font was chosen is common): the runs are converted only when, together, they then read as
 * Vietnamese (legacy-vietnamese.ts).
 */
import { vietnameseShare } from '@ytcs/common';
import { fromTcvn3, type LegacyReading, legacyBytes, TCVN3, tcvn3ReadsBetter, VNI } from '../../text/legacy-vietnamese.ts';

const val = (xml: string, name: string) => new RegExp(`<w:${name}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];

/** The font a run's (or a style's) properties name for its Latin-1 letters: hAnsi, else ascii. */
function fontIn(rPr: string | undefined): string | undefined {
  const fonts = rPr && /<w:rFonts\b([^>]*)>/.exec(rPr)?.[1];
  if (!fonts) return undefined;
  return /\bw:hAnsi="([^"]*)"/.exec(fonts)?.[1] ?? /\bw:ascii="([^"]*)"/.exec(fonts)?.[1];
}

interface Styles {
  fontOf(styleId: string | undefined): string | undefined;
  defaultParagraph: string | undefined;
  documentFont: string | undefined;
}

function readStyles(xml: string): Styles {
  const styles = new Map<string, { basedOn?: string; font?: string }>();
  let defaultParagraph: string | undefined;
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = /\bw:styleId="([^"]*)"/.exec(m[1] ?? '')?.[1];
    if (!id) continue;
    const body = m[2] ?? '';
    styles.set(id, { basedOn: val(body, 'basedOn'), font: fontIn(/<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1]) });
    if (/\bw:type="paragraph"/.test(m[1] ?? '') && /\bw:default="(1|true)"/.test(m[1] ?? '')) defaultParagraph = id;
  }
  const fontOf = (id: string | undefined): string | undefined => {
    for (let depth = 0; id && depth < 20; depth++) {
      const style = styles.get(id);
      if (style?.font) return style.font;
      id = style?.basedOn;
    }
    return undefined;
  };
  const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(xml)?.[1];
  return { fontOf, defaultParagraph, documentFont: fontIn(defaults) };
}

const isVnFont = (font: string | undefined) => !!font && /^\.Vn/i.test(font);
const isVniFont = (font: string | undefined) => !!font && /^VNI[- ]/i.test(font);
/** .VnTimeH, .VnArialH…: the capitals-only fonts. */
const isCapitalsFont = (font: string) => /H$/.test(font.trim());

/** Upper case outside XML's entities (&amp; stays &amp;). */
const upper = (xmlText: string) => xmlText.replace(/&[^;]*;|[^&]+/g, (part) => (part.startsWith('&') ? part : part.toUpperCase()));

/** document.xml with its .Vn runs in Unicode, when they read as Vietnamese; and what was found. */
export function withVnFontsConverted(documentXml: string, stylesXml: string | undefined): { xml: string; legacy: Omit<LegacyReading, 'text'> } {
  const none = { xml: documentXml, legacy: { converted: null, unreadable: null } };
  if (!/\bw:(?:ascii|hAnsi)="(?:\.Vn|VNI)/i.test(documentXml + (stylesXml ?? ''))) return none;
  const styles = readStyles(stylesXml ?? '');
  let paragraphStyle = styles.defaultParagraph;
  let before = '';
  let after = '';
  let vni = false;
  const converted = documentXml.replace(/<w:p[ >]|<w:pStyle\b[^>]*>|<w:r[ >][\s\S]*?<\/w:r>/g, (token) => {
    if (/^<w:p[ >]/.test(token)) {
      paragraphStyle = styles.defaultParagraph;
      before += '\n';
      after += '\n';
      return token;
    }
    if (token.startsWith('<w:pStyle')) {
      paragraphStyle = val(token, 'pStyle') ?? styles.defaultParagraph;
      return token;
    }
    const rPr = /^<w:r\b[^>]*>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(token)?.[1];
    const font = fontIn(rPr) ?? styles.fontOf(rPr && val(rPr, 'rStyle')) ?? styles.fontOf(paragraphStyle) ?? styles.documentFont;
    if (isVniFont(font)) vni ||= /[\u00a1-\u00ff]/.test(token);
    if (!font || !isVnFont(font)) return token;
    return token.replace(/(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g, (whole, open: string, text: string, close: string) => {
      // Characters beyond Windows-1252: Unicode typed under a .Vn font; leave the run as it is.
      if (!legacyBytes(text)) return whole;
      const unicode = fromTcvn3(text);
      before += text;
      after += unicode;
      return `${open}${isCapitalsFont(font) ? upper(unicode) : unicode}${close}`;
    });
  });
  if (before.trim() && /[\u00a1-\u00ff]/.test(before)) {
    if (tcvn3ReadsBetter(before, after)) return { xml: converted, legacy: { converted: TCVN3, unreadable: vni ? VNI : null } };
    // Latin-1 letters that read as Vietnamese already (Unicode "tôi là" under a .Vn font) are no sign of an old encoding.
    const unread = vietnameseShare(before).share < 0.9;
    return { xml: documentXml, legacy: { converted: null, unreadable: vni ? VNI : unread ? TCVN3 : null } };
  }
  return { xml: documentXml, legacy: { converted: null, unreadable: vni ? VNI : null } };
}
