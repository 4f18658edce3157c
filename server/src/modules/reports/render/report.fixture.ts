/** A realistic report (Phường Đức Xuân, Quý III/2026) for the renderer tests; overrides per test. */
import type { ReportData, ReportTarget } from './report.types.ts';

const pct = (numerator: number, denominator: number) => ({ numerator, denominator, value: (numerator / denominator) * 100, suppressed: false });
const hidden = { numerator: null, denominator: null, value: null, suppressed: true };

const target = (t: Omit<ReportTarget, 'baseline' | 'targetYear'> & Partial<Pick<ReportTarget, 'baseline' | 'targetYear'>>): ReportTarget => ({ baseline: null, targetYear: null, ...t });

export function reportFixture(overrides: Partial<ReportData> = {}): ReportData {
  return {
    lang: 'vi',
    superior: 'UBND TỈNH THÁI NGUYÊN',
    issuer: 'ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC XUÂN',
    number: '15/BC-UBND',
    place: 'Đức Xuân',
    date: '2026-11-25',
    kind: 'so_ket',
    periodCode: '2026Q3',
    periodLabel: 'Quý III năm 2026',
    plan: {
      number: '45/KH-UBND',
      issuedOn: '2025-09-10',
      title: 'Triển khai thực hiện Nghị quyết số 72-NQ/TW của Bộ Chính trị về một số giải pháp đột phá, tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân',
      issuer: 'UBND phường Đức Xuân',
    },
    targets: [
      target({ indicatorCode: 'HSSK_QL', indicatorName: 'Tỷ lệ người dân được quản lý sức khỏe', unit: 'percent', comparator: 'gt', targetValue: 95, targetYear: 2030, baseline: 88.2, current: pct(8123, 8456), previous: 94.8, standing: 'met' }),
      target({ indicatorCode: 'BHYT', indicatorName: 'Tỷ lệ người dân tham gia bảo hiểm y tế', unit: 'percent', comparator: 'ge', targetValue: 96, targetYear: 2026, current: pct(7894, 8283), previous: 94.1, standing: 'near' }),
      target({ indicatorCode: 'TCMR', indicatorName: 'Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ', unit: 'percent', comparator: 'ge', targetValue: 95, current: hidden, previous: null, standing: null }),
      target({ indicatorCode: 'NVYT_TDP', indicatorName: 'Số tổ dân phố có nhân viên y tế', unit: 'count', comparator: 'ge', targetValue: 3, current: { numerator: null, denominator: null, value: 3, suppressed: false }, previous: 2, standing: 'met' }),
    ],
    tasks: [
      { section: 'Công tác thông tin, tuyên truyền', text: 'Tuyên truyền Nghị quyết số 72-NQ/TW trên hệ thống truyền thanh phường', lead: 'Phòng Văn hóa - Xã hội', coordinating: ['Trung tâm Cung ứng dịch vụ công'], deadline: '2026-12-31', status: 'in_progress', progress: 60, lastNote: 'Đã phát 24 buổi', lastUpdatedOn: '2026-10-05' },
      { section: 'Chăm sóc sức khỏe ban đầu', text: 'Rà soát, cập nhật hồ sơ sức khỏe điện tử cho người dân', lead: 'Trạm Y tế phường', coordinating: ['Công an phường', 'Các tổ dân phố'], deadline: '2026-09-30', status: 'overdue', progress: 70, lastNote: 'Còn 333 người chưa có hồ sơ, chủ yếu lao động đi làm xa', lastUpdatedOn: '2026-10-20' },
      { section: null, text: 'Vận động người dân tham gia BHYT hộ gia đình', lead: 'Phòng Văn hóa - Xã hội', coordinating: [], deadline: '2026-12-15', status: 'not_started', progress: 0, lastNote: null, lastUpdatedOn: null },
      { section: null, text: 'Khám sức khỏe miễn phí cho người cao tuổi', lead: 'Trạm Y tế phường', coordinating: ['Hội Người cao tuổi phường'], deadline: '2026-08-31', status: 'done', progress: 100, lastNote: null, lastUpdatedOn: '2026-08-30' },
    ],
    children: [
      { unitName: 'Tổ dân phố Đức Xuân 1', values: { HSSK_QL: pct(2710, 2801), BHYT: pct(2650, 2760), TCMR: pct(12, 12) } },
      { unitName: 'Tổ dân phố Đức Xuân 2', values: { HSSK_QL: pct(2705, 2850), BHYT: pct(2610, 2790), TCMR: hidden } },
      { unitName: 'Tổ dân phố Xuân Hòa', values: { HSSK_QL: pct(2708, 2805), BHYT: pct(2634, 2733) } },
    ],
    childLevelLabel: 'Tổ dân phố',
    recipients: [
      { name: 'UBND tỉnh Thái Nguyên', purpose: 'b/c' },
      { name: 'Sở Y tế', purpose: 'b/c' },
      { name: 'TT Đảng ủy, HĐND phường', purpose: 'b/c' },
      { name: 'Chủ tịch, các PCT UBND phường', purpose: null },
      { name: 'Trạm Y tế phường', purpose: 'thực hiện' },
    ],
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Văn An' },
    generatedBy: 'ytcs',
    ...overrides,
  };
}
