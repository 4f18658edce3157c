/**
 * The copy of a person's data that can be handed to them (Law 91/2025, art. on the right of
 * access): every field held, their health record, and who accessed it and when. Rendered from
 * the same value as the JSON answer, field by field, so nothing held is left out of the paper.
 */
import { formatDateVi } from '@ytcs/common';
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { privacyService } from './privacy.service.ts';

export type PersonalData = Awaited<ReturnType<ReturnType<typeof privacyService>['personalData']>>;

const FONT = 'Times New Roman';
const p = (text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {}) =>
  new Paragraph({ alignment: opts.align, children: [new TextRun({ text, bold: opts.bold, font: FONT, size: opts.size ?? 24 })] });
const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true, font: FONT, size: 26 })] });
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (text: string, bold = false) => new TableCell({ borders: { top: border, bottom: border, left: border, right: border }, children: [p(text, { bold, size: 22 })] });
const table = (rows: string[][], header?: string[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...(header ? [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) })] : []), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'string' && DATE.test(value)) return formatDateVi(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Every field of an object as a row: what is held is shown, named as the API names it. */
const fields = (o: object | null) => (o ? table(Object.entries(o).map(([k, v]) => [k, text(v)]), ['Trường / Field', 'Giá trị / Value']) : p('—'));

export async function personalDataDocument(data: PersonalData, issuer: string): Promise<Buffer> {
  const r = data.resident;
  const doc = new Document({
    creator: 'ytcs',
    title: `Dữ liệu cá nhân ${r.id}`,
    sections: [
      {
        children: [
          p(issuer.toUpperCase(), { bold: true, align: AlignmentType.CENTER }),
          p('BẢN SAO DỮ LIỆU CÁ NHÂN', { bold: true, align: AlignmentType.CENTER, size: 28 }),
          p('(Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 — quyền được biết và truy cập dữ liệu)', { align: AlignmentType.CENTER }),
          p(`Họ và tên: ${r.fullName}    Mã hồ sơ: ${r.id}    Ngày lập: ${data.generatedAt.slice(0, 10).split('-').reverse().join('/')}`),
          heading('I. Thông tin hành chính, bảo hiểm y tế'),
          fields(r),
          heading('II. Hộ gia đình'),
          fields(data.household),
          heading('III. Tiền sử, yếu tố nguy cơ'),
          fields(data.history),
          heading('IV. Tiêm chủng'),
          data.immunizations.length ? table(data.immunizations.map((i) => [text(i.date), `${i.vaccineName} (${i.vaccineCode})`, String(i.dose), text(i.lot)]), ['Ngày', 'Vắc xin', 'Mũi', 'Lô']) : p('Chưa có'),
          heading('V. Các lần khám'),
          data.encounters.length
            ? table(
                data.encounters.map((e) => [text(e.date), e.type, e.diagnoses.map((d) => `${d.code} ${d.nameVi}`).join('; ') || '—', Object.entries(e.observations).map(([k, v]) => `${k}: ${v}`).join('; ') || '—', e.prescriptions.map((x) => x.drug).join('; ') || '—']),
                ['Ngày', 'Loại', 'Chẩn đoán', 'Chỉ số', 'Thuốc'],
              )
            : p('Chưa có'),
          heading('VI. Ai đã truy cập hồ sơ, khi nào'),
          data.accessLog.length ? table(data.accessLog.map((a) => [a.at.replace('T', ' ').slice(0, 19), a.username ?? '—', a.action, a.units.join(', ') || '—']), ['Thời điểm (UTC)', 'Tài khoản', 'Thao tác', 'Đơn vị']) : p('Chưa có'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
