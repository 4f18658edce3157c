/**
 * The printable personal health record, in the order of the Ministry's form (Decision
 * 831/QĐ-BYT): heading of the issuing station, title, I. administrative information, II. history
 * and risk factors, III. immunisations, IV. examinations over time. Dates dd/mm/yyyy.
 */
import { foldVietnamese, formatDateVi } from '@ytcs/common';
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { recordService } from './records.service.ts';

type HealthRecordView = Awaited<ReturnType<ReturnType<typeof recordService>['read']>>;

const FONT = 'Times New Roman';
const p = (text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {}) =>
  new Paragraph({ alignment: opts.align, children: [new TextRun({ text, bold: opts.bold, font: FONT, size: opts.size ?? 26 })] });
const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true, font: FONT, size: 26 })] });
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (text: string, bold = false) => new TableCell({ borders: { top: border, bottom: border, left: border, right: border }, children: [p(text, { bold, size: 24 })] });
const table = (rows: string[][], header?: string[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...(header ? [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) })] : []), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });

/** A number as the screen writes it in Vietnamese: 24,1 (decimal comma). */
const vn = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** The signs measured at an examination, in the order a clinician reads them, each with its unit. */
function signsLine(o: Record<string, number | undefined>, bmi: number | null): string {
  const at = (code: string, label: string, unit: string) => (o[code] === undefined || o[code] === null ? '' : `${label} ${vn(o[code] as number)}${unit}`);
  return [
    o.systolic_bp !== undefined ? `HA ${vn(o.systolic_bp)}/${o.diastolic_bp !== undefined ? vn(o.diastolic_bp) : '?'} mmHg` : '',
    at('pulse', 'Mạch', ' lần/phút'),
    at('temperature', 'Nhiệt độ', ' °C'),
    at('weight', 'CN', ' kg'),
    at('height', 'CC', ' cm'),
    bmi ? `BMI ${vn(bmi)}` : '',
    at('waist', 'Vòng bụng', ' cm'),
    at('glucose', 'ĐH', ' mmol/L'),
  ]
    .filter(Boolean)
    .join('; ');
}

/** The address, then the village and commune unless the address already names them. */
export function addressLine(address: string | null | undefined, ...units: (string | null | undefined)[]): string {
  const parts = (address ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const named = new Set(parts.map(foldVietnamese));
  for (const unit of units) {
    if (!unit || named.has(foldVietnamese(unit))) continue;
    named.add(foldVietnamese(unit));
    parts.push(unit);
  }
  return parts.join(', ');
}

const SEX = { male: 'Nam', female: 'Nữ' } as Record<string, string>;
const RESIDENCE = { permanent: 'Thường trú', temporary: 'Tạm trú', absent: 'Vắng mặt' } as Record<string, string>;

function historyLines(h: HealthRecordView['history']): string[] {
  const x = h as {
    personalHistory?: { conditions?: string[]; other?: string | null };
    surgeries?: string | null;
    familyHistory?: { relation: string; icd10Code?: string | null; condition?: string | null }[];
    allergies?: Record<string, string | null | undefined>;
    disabilities?: Record<string, unknown>;
    tobacco?: string | null;
    alcohol?: { status: string; glassesPerDay?: number | null } | null;
    physicalActivity?: string | null;
    occupationalExposure?: { factor: string; years?: number | null } | null;
    reproductive?: Record<string, unknown> | null;
    other?: string | null;
  };
  const tobacco = { never: 'Không hút', current: 'Đang hút', former: 'Đã bỏ' } as Record<string, string>;
  const level = { none: 'Không', occasional: 'Thỉnh thoảng', regular: 'Thường xuyên' } as Record<string, string>;
  return [
    `1. Tiền sử bệnh tật: ${[...(x.personalHistory?.conditions ?? []), x.personalHistory?.other].filter(Boolean).join('; ') || 'Không ghi nhận'}`,
    `2. Tiền sử phẫu thuật: ${x.surgeries || 'Không ghi nhận'}`,
    `3. Tiền sử gia đình: ${(x.familyHistory ?? []).map((f) => `${f.relation}: ${[f.icd10Code, f.condition].filter(Boolean).join(' ')}`).join('; ') || 'Không ghi nhận'}`,
    `4. Dị ứng: ${Object.entries(x.allergies ?? {}).filter(([, v]) => v).map(([k, v]) => `${{ drugs: 'Thuốc', chemicals: 'Hóa chất/mỹ phẩm', food: 'Thực phẩm', other: 'Khác' }[k] ?? k}: ${v}`).join('; ') || 'Không ghi nhận'}`,
    `5. Khuyết tật: ${Object.entries(x.disabilities ?? {}).filter(([, v]) => v).map(([k, v]) => (typeof v === 'string' ? v : ({ hearing: 'Thính lực', vision: 'Thị lực', hands: 'Tay', legs: 'Chân', spine: 'Cột sống', cleftLipPalate: 'Khe hở môi, vòm miệng' }[k] ?? k))).join(', ') || 'Không'}`,
    `6. Hút thuốc lá: ${x.tobacco ? tobacco[x.tobacco] : 'Chưa ghi'}; Uống rượu bia: ${x.alcohol ? `${level[x.alcohol.status]}${x.alcohol.glassesPerDay ? ` (${x.alcohol.glassesPerDay} ly/ngày)` : ''}` : 'Chưa ghi'}; Hoạt động thể lực: ${x.physicalActivity ? level[x.physicalActivity] : 'Chưa ghi'}`,
    `7. Yếu tố tiếp xúc nghề nghiệp: ${x.occupationalExposure ? `${x.occupationalExposure.factor}${x.occupationalExposure.years ? `, ${x.occupationalExposure.years} năm` : ''}` : 'Không'}`,
    `8. Sức khỏe sinh sản: ${x.reproductive ? Object.entries(x.reproductive).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${{ contraception: 'Biện pháp tránh thai', pregnancies: 'Số lần có thai', termBirths: 'Sinh đủ tháng', pretermBirths: 'Sinh non', miscarriages: 'Sảy thai', abortions: 'Phá thai', livingChildren: 'Số con hiện sống', gynaecologicalConditions: 'Bệnh phụ khoa' }[k] ?? k}: ${v}`).join('; ') : 'Không ghi nhận'}`,
    `9. Vấn đề khác: ${x.other || 'Không'}`,
  ];
}

export async function recordDocument(record: HealthRecordView, issuer: { name: string }): Promise<Buffer> {
  const r = record.resident;
  const admin = [
    ['Họ và tên', r.fullName, 'Giới tính', SEX[r.sex] ?? r.sex],
    ['Ngày sinh', r.birthDate ? formatDateVi(r.birthDate) : `Năm ${r.birthYear}`, 'Dân tộc', r.ethnicityName ?? ''],
    ['Số định danh cá nhân (CCCD)', r.citizenId ?? '', 'Số điện thoại', r.phone ?? ''],
    ['Số thẻ BHYT', r.insuranceCode ?? '', 'Hạn thẻ', [formatDateVi(r.insuranceValidFrom), formatDateVi(r.insuranceValidTo)].filter(Boolean).join(' – ')],
    ['Nơi ĐKKCB ban đầu', r.insuranceFacility ?? '', 'Nghề nghiệp', r.occupation ?? ''],
    ['Địa chỉ', addressLine(record.household?.address, r.villageName, r.communeName), 'Tình trạng cư trú', RESIDENCE[r.residenceStatus] ?? r.residenceStatus],
    ['Chủ hộ', record.household?.headName ?? '', 'Mã hồ sơ', String(r.id)],
  ];
  const children = [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } },
      rows: [
        new TableRow({
          children: [
            new TableCell({ children: [p(r.communeName.toUpperCase(), { align: AlignmentType.CENTER, size: 24 }), p(issuer.name.toUpperCase(), { bold: true, align: AlignmentType.CENTER, size: 24 })] }),
            new TableCell({ children: [p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: AlignmentType.CENTER, size: 24 }), p('Độc lập - Tự do - Hạnh phúc', { bold: true, align: AlignmentType.CENTER, size: 26 })] }),
          ],
        }),
      ],
    }),
    p(''),
    p('HỒ SƠ QUẢN LÝ SỨC KHỎE CÁ NHÂN', { bold: true, align: AlignmentType.CENTER, size: 30 }),
    p('(Theo mẫu tại Quyết định số 831/QĐ-BYT ngày 11/3/2017 của Bộ Y tế)', { align: AlignmentType.CENTER, size: 22 }),
    heading('I. THÔNG TIN HÀNH CHÍNH'),
    table(admin),
    heading('II. TIỀN SỬ VÀ CÁC YẾU TỐ NGUY CƠ'),
    ...historyLines(record.history).map((line) => p(line)),
    heading('III. TIÊM CHỦNG'),
    record.immunizations.length
      ? table(record.immunizations.map((i, n) => [String(n + 1), i.vaccineName, String(i.dose), formatDateVi(i.date), i.facilityName ?? '']), ['STT', 'Vắc xin', 'Mũi', 'Ngày tiêm', 'Nơi tiêm'])
      : p('Chưa có thông tin tiêm chủng.'),
    heading('IV. KHÁM LÂM SÀNG VÀ CẬN LÂM SÀNG'),
    record.encounters.length
      ? table(
          record.encounters.map((e) => [
            formatDateVi(e.date),
            e.facilityName ?? '',
            signsLine(e.observations, e.bmi),
            e.diagnoses.map((d) => `${d.code} ${d.nameVi}`).join('; '),
            e.prescriptions.map((x) => [x.drug, x.dose].filter(Boolean).join(' ')).join('; '),
          ]),
          ['Ngày khám', 'Nơi khám', 'Chỉ số', 'Chẩn đoán (ICD-10)', 'Điều trị'],
        )
      : p('Chưa có lần khám nào.'),
    p(''),
    p(`Ngày in: ${formatDateVi(new Date().toISOString())}`, { align: AlignmentType.RIGHT, size: 22 }),
  ];
  const doc = new Document({ creator: 'ytcs', title: `Hồ sơ sức khỏe ${r.id}`, sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }] });
  return Packer.toBuffer(doc);
}
