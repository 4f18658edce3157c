/**
 * The periodic progress report of a plan (báo cáo sơ kết / tổng kết) as a DOCX in the layout of
 * Decree 30/2020/NĐ-CP: heading, title and summary line, I. results (targets, tasks),
 * II. shortcomings, III. next steps, closing, recipients and signature. The text is a draft the
 * official edits and signs, so everything stays plain paragraphs and tables Word can change.
 */
import { AlignmentType, Document, Header, Packer, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import { bodyPara, FONT, headingPara, PAGE, para, SIZE } from './docx.kit.ts';
import { formatDateVi, issuerInSentence, kindLabel, planReference, SUPPRESSED_EXPLANATION } from './format.ts';
import { headerBlock, signatureBlock } from './report.blocks.ts';
import { closingSentence, nextSteps, shortcomings, targetSummary, taskSummary } from './report.findings.ts';
import { targetTable, taskTable } from './report.tables.ts';
import type { ReportData } from './report.types.ts';

const center = AlignmentType.CENTER;

/** Decree 30: page numbers centred in the top margin, not shown on the first page. */
const pageNumberHeader = () =>
  new Header({ children: [new Paragraph({ alignment: center, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body })] })] });

function body(data: ReportData) {
  const kind = kindLabel(data.kind);
  const reporter = issuerInSentence(data.issuer, data.place);
  const hasSuppressed = data.targets.some((t) => t.current.suppressed);
  return [
    para('BÁO CÁO', { align: center, bold: true, before: 360 }),
    para(`${kind} ${data.periodLabel} thực hiện ${planReference(data.plan)}`, { align: center, bold: true, after: 360 }),
    bodyPara(`Thực hiện ${planReference(data.plan)}, ${reporter} báo cáo kết quả ${kind.toLocaleLowerCase('vi')} ${data.periodLabel} (số liệu đến ngày ${formatDateVi(data.date)}) như sau:`),
    headingPara('I. KẾT QUẢ THỰC HIỆN'),
    headingPara('1. Kết quả thực hiện các chỉ tiêu'),
    bodyPara(targetSummary(data.targets), { keepNext: true }),
    targetTable(data.targets),
    ...(hasSuppressed ? [para(`Ghi chú: ${SUPPRESSED_EXPLANATION}`, { italics: true, size: SIZE.recipients, before: 60 })] : []),
    headingPara('2. Kết quả thực hiện các nhiệm vụ'),
    bodyPara(taskSummary(data.tasks), { keepNext: true }),
    taskTable(data.tasks),
    headingPara('II. TỒN TẠI, HẠN CHẾ'),
    ...shortcomings(data).map((line) => bodyPara(line)),
    headingPara('III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI'),
    ...nextSteps(data).map((line) => bodyPara(line)),
    bodyPara(closingSentence(data), { after: 240 }),
  ];
}

export async function renderReportDocx(data: ReportData): Promise<Buffer> {
  const doc = new Document({
    creator: data.generatedBy,
    lastModifiedBy: data.generatedBy,
    title: `Báo cáo ${kindLabel(data.kind).toLocaleLowerCase('vi')} ${data.periodLabel}`,
    description: `${data.issuer} – ${data.periodCode}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT }, margin: { ...PAGE.margin, header: 567, footer: 567 } },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: [headerBlock(data), ...body(data), signatureBlock(data)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
