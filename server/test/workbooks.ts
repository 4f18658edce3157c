/**
 * Workbooks as Excel and LibreOffice write them, built in the test from their XML (part names,
 * content types and relationships as the programs write them), zipped with fflate. What each
 * holds is what the XLSX reader must read exactly: shared strings with rich-text runs and
 * preserved spaces, inline strings, formula results, dates as serial numbers with a date style,
 * a CCCD as a number and as text, booleans, errors, cells without a reference, skipped rows, a
 * second worksheet to ignore, and a first worksheet that is not sheet1.xml.
 */
import { strToU8, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** A zip of these parts (text as UTF-8), deflated, in the order given. */
export function zipParts(parts: Record<string, string | Uint8Array>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, typeof xml === 'string' ? strToU8(xml) : xml])), { level: 6 }));
}

function contentTypes(sheets: string[], extra: string[] = []) {
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-${type}"/>`;
  return `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${override('xl/workbook.xml', 'officedocument.spreadsheetml.sheet.main+xml')}${sheets.map((s) => override(s, 'officedocument.spreadsheetml.worksheet+xml')).join('')}${override('xl/theme/theme1.xml', 'officedocument.theme+xml')}${override('xl/styles.xml', 'officedocument.spreadsheetml.styles+xml')}${override('xl/sharedStrings.xml', 'officedocument.spreadsheetml.sharedStrings+xml')}${extra.join('')}${override('docProps/core.xml', 'package.core-properties+xml')}${override('docProps/app.xml', 'officedocument.extended-properties+xml')}</Types>`;
}

const rootRels = `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const docProps = {
  'docProps/core.xml': `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Trạm Y tế</dc:creator></cp:coreProperties>`,
  'docProps/app.xml': `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
};
const theme = `${DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements/></a:theme>`;

/** The rows the Excel-style workbook's first worksheet holds, as the reader gives them. */
export const EXCEL_ROWS = [
  { number: 1, cells: ['DANH SÁCH NHÂN KHẨU'] },
  // Row 2 is not in the file at all.
  { number: 3, cells: ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Quan hệ với chủ hộ', 'Thôn/Tổ dân phố', 'Đã tiêm', 'Ghi chú'] },
  { number: 4, cells: [1, 'Đỗ Thị Thủy', 'Nữ', new Date(Date.UTC(1982, 1, 13)), 19182000201, 'Vợ', 'Tổ dân phố 5', true, 'Dòng một\r\nDòng hai'] },
  { number: 6, cells: [2, '  Nguyễn Văn Ưng ', 'Nam', new Date(Date.UTC(1990, 11, 31)), '019090000202', 'Chủ hộ', 'Tổ dân phố 5', false, 'Lê & Trần <Ữ>'] },
  { number: 7, cells: [3, 'Trịnh Thị Yến', 'Nữ', 1975, '019175000203', 'Con', 'Tổ dân phố 5', null, 'Tổ dân phố 5 / Trịnh Thị Yến'] },
  { number: 8, cells: [4, 'Hoàng Đức Ẩn', 'Nam', new Date(Date.UTC(2001, 6, 4)), null, null, 'Tổ dân phố 5', null, '_x0041_'] },
];

/**
 * Excel's way: shared strings (rich-text runs, xml:space="preserve", phonetic runs, entities,
 * `_x000D_`), a built-in date format (14) and a custom one (dd/mm/yyyy, id 164), the first sheet
 * in the workbook's order stored as sheet2.xml and a second sheet (sheet1.xml) that must be ignored.
 */
export function excelStyleWorkbook(): Buffer {
  const strings = [
    `<si><r><rPr><b/><sz val="14"/><rFont val="Times New Roman"/></rPr><t xml:space="preserve">DANH SÁCH </t></r><r><rPr><b/><sz val="14"/></rPr><t>NHÂN KHẨU</t></r></si>`,
    '<si><t>STT</t></si>',
    '<si><t>Họ và tên</t></si>',
    '<si><t>Giới tính</t></si>',
    '<si><t>Ngày sinh</t></si>',
    '<si><t>Số CCCD</t></si>',
    '<si><t>Quan hệ với chủ hộ</t></si>',
    '<si><t>Thôn/Tổ dân phố</t></si>',
    '<si><t>Đã tiêm</t></si>',
    '<si><t>Ghi chú</t></si>',
    // 10: a name typed in two runs, with a phonetic run Excel keeps for East Asian text (not part of the value).
    '<si><r><t xml:space="preserve">Đỗ </t></r><r><rPr><i/></rPr><t>Thị Thủy</t></r><rPh sb="0" eb="1"><t>ド</t></rPh><phoneticPr fontId="1"/></si>',
    '<si><t>Nữ</t></si>',
    '<si><t>Vợ</t></si>',
    '<si><t>Tổ dân phố 5</t></si>',
    '<si><t>Dòng một_x000D_\nDòng hai</t></si>',
    '<si><t xml:space="preserve">  Nguyễn Văn Ưng </t></si>',
    '<si><t>Nam</t></si>',
    '<si><t>Chủ hộ</t></si>',
    '<si><t>Lê &amp; Trần &lt;&#7918;&gt;</t></si>',
    '<si><t>Con</t></si>',
    '<si><t>Hoàng Đức Ẩn</t></si>',
    '<si><t>_x005F_x0041_</t></si>',
  ];
  const sst = `${DECL}<sst xmlns="${MAIN}" count="${strings.length + 4}" uniqueCount="${strings.length}">${strings.join('')}</sst>`;
  const styles = `${DECL}<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;Tổ &quot;0"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const c = (ref: string, inner: string, attrs = '') => `<c r="${ref}"${attrs}>${inner}</c>`;
  const s = (ref: string, index: number) => c(ref, `<v>${index}</v>`, ' t="s"');
  const sheet = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><dimension ref="A1:I8"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="5" customWidth="1"/><col min="2" max="2" width="22" customWidth="1"/></cols><sheetData>
<row r="1" spans="1:9" ht="18.75" x14ac:dyDescent="0.3">${s('A1', 0)}</row>
<row r="3" spans="1:9" x14ac:dyDescent="0.25">${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => s(`${'ABCDEFGHI'[i - 1]}3`, i)).join('')}</row>
<row r="4" spans="1:9" x14ac:dyDescent="0.25">${c('A4', '<v>1</v>')}${s('B4', 10)}${s('C4', 11)}${c('D4', '<v>29995</v>', ' s="1"')}${c('E4', '<v>19182000201</v>')}${s('F4', 12)}${s('G4', 13)}${c('H4', '<v>1</v>', ' t="b"')}${s('I4', 14)}</row>
<row r="6" spans="1:9" x14ac:dyDescent="0.25">${c('A6', '<f>A4+1</f><v>2</v>')}${s('B6', 15)}${s('C6', 16)}${c('D6', '<v>33238</v>', ' s="2"')}${c('E6', '<is><t>019090000202</t></is>', ' s="3" t="inlineStr"')}${s('F6', 17)}${s('G6', 13)}${c('H6', '<f>FALSE()</f><v>0</v>', ' t="b"')}${s('I6', 18)}</row>
<row r="7" spans="1:9" x14ac:dyDescent="0.25">${c('A7', '<v>3</v>', ' s="4"')}<c t="inlineStr"><is><r><t>Trịnh </t></r><r><rPr><b/></rPr><t xml:space="preserve">Thị Yến</t></r></is></c><c t="s"><v>11</v></c><c><v>1975</v></c><c s="3" t="inlineStr"><is><t>019175000203</t></is></c>${s('F7', 19)}${c('G7', '<f>G4</f><v>Tổ dân phố 5</v>', ' t="str"')}${c('H7', '<f>1/0</f><v>#DIV/0!</v>', ' t="e"')}${c('I7', '<f>G7&amp;" / "&amp;B7</f><v>Tổ dân phố 5 / Trịnh Thị Yến</v>', ' t="str"')}</row>
<row spans="1:9" x14ac:dyDescent="0.25">${c('A8', '<v>4</v>')}${s('B8', 20)}${s('C8', 16)}${c('D8', '<v>37076</v>', ' s="1"')}${c('E8', '<v>#N/A</v>', ' t="e"')}<c r="F8" s="1"/>${s('G8', 13)}${s('I8', 21)}</row>
</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const notes = `${DECL}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Không nhập trang này</t></is></c></row><row r="2"><c r="A2"><v>42</v></c></row></sheetData></worksheet>`;
  const workbook = `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="0"/></bookViews><sheets><sheet name="Nhân khẩu" sheetId="2" r:id="rId2"/><sheet name="Ghi chú" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`;
  const rels = `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId3" Type="${REL}/theme" Target="theme/theme1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId5" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  // Excel's own order of parts: the ignored sheet1.xml comes before the sheet read.
  return zipParts({
    '[Content_Types].xml': contentTypes(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']),
    '_rels/.rels': rootRels,
    'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels': rels,
    'xl/worksheets/sheet1.xml': notes,
    'xl/worksheets/sheet2.xml': sheet,
    'xl/theme/theme1.xml': theme,
    'xl/styles.xml': styles,
    'xl/sharedStrings.xml': sst,
    ...docProps,
  });
}

/** The rows the LibreOffice-style workbook holds, as the reader gives them. */
export const LIBREOFFICE_ROWS = [
  { number: 1, cells: ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Hạn thẻ đến', 'Ghi chú'] },
  { number: 2, cells: ['Đỗ Thị Thủy', 'Nữ', new Date(Date.UTC(1984, 7, 6)), 1084000301, new Date(Date.UTC(2026, 11, 31, 18)), 'Ở nhờ'] },
  { number: 3, cells: ['Lò Văn Pao', 'Nam', 1980, '001080000302', null, true] },
  { number: 5, cells: ['ẮẰẲẴẶ ắằẳẵặ', 'Nam', 0.5, null, null, 'Ở nhờ 2'] },
];

/**
 * LibreOffice's way: every string shared (preserved spaces on all of them), `t="n"` written out,
 * the custom date format in capitals (DD/MM/YYYY) and a date-time one, formulas with `aca`, a
 * `date1904="false"` flag, no `r` on the skipped-over cells of row 5's neighbours.
 */
export function libreOfficeWorkbook(): Buffer {
  const strings = ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Hạn thẻ đến', 'Ghi chú', 'Đỗ Thị Thủy', 'Nữ', 'Ở nhờ', 'Lò Văn Pao', 'Nam', '001080000302', 'ẮẰẲẴẶ ắằẳẵặ'];
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join('')}</sst>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><numFmts count="3"><numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="DD/MM/YYYY"/><numFmt numFmtId="166" formatCode="[$-42A]DD/MM/YYYY\\ HH:MM"/></numFmts><fonts count="1"><font><sz val="10"/><name val="Arial"/><family val="2"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border diagonalUp="false" diagonalDown="false"><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyFont="true" applyBorder="true" applyAlignment="true" applyProtection="true"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyBorder="false" applyAlignment="false" applyProtection="false"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyBorder="false" applyAlignment="false" applyProtection="false"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyBorder="false" applyAlignment="false" applyProtection="false"/></cellXfs><cellStyles count="1"><cellStyle name="Default" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const row = (r: number, cells: string) => `<row r="${r}" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">${cells}</row>`;
  const s = (ref: string, i: number) => `<c r="${ref}" s="0" t="s"><v>${i}</v></c>`;
  const n = (ref: string, v: string, style = 0) => `<c r="${ref}" s="${style}" t="n"><v>${v}</v></c>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:F5"/><sheetViews><sheetView showFormulas="false" showGridLines="true" workbookViewId="0"><selection pane="topLeft" activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="11.53515625" defaultRowHeight="12.8" zeroHeight="false" outlineLevelRow="0" outlineLevelCol="0"/><sheetData>${[
    row(1, [0, 1, 2, 3, 4, 5].map((i) => s(`${'ABCDEF'[i]}1`, i)).join('')),
    row(2, `${s('A2', 6)}${s('B2', 7)}${n('C2', '30900', 1)}${n('D2', '1084000301')}${n('E2', '46387.75', 2)}<c r="F2" s="0" t="str"><f aca="false">A3&amp;""</f><v>Ở nhờ</v></c>`),
    row(3, `${s('A3', 9)}${s('B3', 10)}${n('C3', '1980')}${s('D3', 11)}<c r="E3" s="1"/><c r="F3" s="0" t="b"><f aca="false">TRUE()</f><v>1</v></c>`),
    row(5, `${s('A5', 12)}<c s="0" t="s"><v>10</v></c><c s="0" t="n"><v>0.5</v></c><c s="0" t="e"><f aca="false">#REF!</f><v>#REF!</v></c><c s="0"/><c r="F5" s="0" t="str"><f aca="false">F2&amp;" 2"</f><v>Ở nhờ 2</v></c>`),
  ].join('')}</sheetData><printOptions headings="false" gridLines="false" gridLinesSet="true" horizontalCentered="false" verticalCentered="false"/><pageMargins left="0.7875" right="0.7875" top="1.05277777777778" bottom="1.05277777777778" header="0.7875" footer="0.7875"/></worksheet>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><fileVersion appName="Calc"/><workbookPr backupFile="false" showObjects="all" date1904="false"/><workbookProtection/><bookViews><workbookView showHorizontalScroll="true" showVerticalScroll="true" showSheetTabs="true" xWindow="0" yWindow="0" windowWidth="16384" windowHeight="8192" tabRatio="500" firstSheet="0" activeTab="0"/></bookViews><sheets><sheet name="Trang tính1" sheetId="1" state="visible" r:id="rId2"/></sheets><calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.001"/></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  return zipParts({
    '_rels/.rels': rootRels,
    'docProps/app.xml': docProps['docProps/app.xml'].replace('Microsoft Excel', 'LibreOffice/7.6'),
    'docProps/core.xml': docProps['docProps/core.xml'],
    'xl/_rels/workbook.xml.rels': rels,
    'xl/sharedStrings.xml': sst,
    'xl/worksheets/sheet1.xml': sheet,
    'xl/styles.xml': styles,
    'xl/workbook.xml': workbook,
    '[Content_Types].xml': contentTypes(['xl/worksheets/sheet1.xml']).replace(/<Override PartName="\/xl\/theme[^>]*>/, ''),
  });
}

/**
 * The number formats of sheetWorkbook's styles, by style index: built-in dates and times (14–22,
 * 45–47), built-in numbers and text (0, 1, 2, 49), custom dates (170: d "tháng" m "năm" yyyy;
 * 173: a month and year in Vietnamese) and custom numbers whose text holds date letters (171:
 * "Ngày" 0; 172: [Red]#,##0.00).
 */
export const SHEET_STYLES = [0, 14, 170, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 1, 2, 49, 171, 172, 173];

/** A workbook of one sheet from its sheetData rows (`<row>` elements), the styles of SHEET_STYLES. */
export function sheetWorkbook(rows: string, options: { date1904?: boolean; sharedStrings?: string[] } = {}): Buffer {
  return zipParts(sheetWorkbookParts(rows, options));
}

/** sheetWorkbook's parts, for a test to replace one. */
export function sheetWorkbookParts(rows: string, options: { date1904?: boolean; sharedStrings?: string[] } = {}): Record<string, string | Uint8Array> {
  const parts: Record<string, string> = {
    '[Content_Types].xml': contentTypes(['xl/worksheets/sheet1.xml']),
    '_rels/.rels': rootRels,
    'xl/workbook.xml': `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Trang 1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>${options.sharedStrings ? `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    'xl/styles.xml': `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="4"><numFmt numFmtId="170" formatCode="d&quot; tháng &quot;m&quot; năm &quot;yyyy"/><numFmt numFmtId="171" formatCode="&quot;Ngày&quot;\\ 0"/><numFmt numFmtId="172" formatCode="[Red]#,##0.00_);[Blue]\\(#,##0.00\\)"/><numFmt numFmtId="173" formatCode="[$-42A]mmmm\\ yyyy;@"/></numFmts><cellXfs count="${SHEET_STYLES.length}">${SHEET_STYLES.map((id) => `<xf numFmtId="${id}"/>`).join('')}</cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': `${DECL}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`,
  };
  if (options.sharedStrings) parts['xl/sharedStrings.xml'] = `${DECL}<sst xmlns="${MAIN}">${options.sharedStrings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join('')}</sst>`;
  return parts;
}
