/** What the reviewer must check, in Vietnamese and English. */
import type { PlanWarning } from './types.ts';

const w = (vi: string, en: string): PlanWarning => ({ vi, en });

export const WARN = {
  numberMissing: () => w('Không tìm thấy số văn bản.', 'The document number was not found.'),
  numberBlank: () => w('Số văn bản để trống (Số: /KH-...); điền số khi đã ban hành.', 'The document number is left blank; fill it in once issued.'),
  dateMissing: () => w('Không tìm thấy địa danh, ngày ban hành.', 'The place and date of issue were not found.'),
  dayBlank: () => w('Ngày ban hành để trống, chỉ có tháng và năm.', 'The day of issue is blank; only month and year are given.'),
  issuerInferred: (name: string) =>
    w(`Không ghi cơ quan ban hành; đoán là "${name}" theo địa bàn nêu trong văn bản.`, `The issuer is not stated; guessed "${name}" from the area named in the text.`),
  issuerMissing: () => w('Không xác định được cơ quan ban hành.', 'The issuing body could not be determined.'),
  implementsMissing: () => w('Tiêu đề không nêu văn bản được triển khai thực hiện.', 'The title names no document the plan implements.'),
  parentMissing: () => w('Không thấy kế hoạch cấp trên được căn cứ.', 'No higher-level plan is cited.'),
  noTargets: () => w('Không tìm thấy chỉ tiêu nào.', 'No targets were found.'),
  targetsImplied: (n: number) =>
    w(`${n} chỉ tiêu không ghi con số, tạm hiểu là 100%.`, `${n} target(s) state no number; read as 100%.`),
  targetsWithoutYear: (n: number) => w(`${n} chỉ tiêu chưa có năm đạt.`, `${n} target(s) have no year.`),
  targetsWithoutIndicator: (n: number) =>
    w(`${n} chỉ tiêu chưa gắn với chỉ số; chọn chỉ số phù hợp.`, `${n} target(s) are not linked to an indicator; pick one.`),
  noTasks: () => w('Không tìm thấy nhiệm vụ nào.', 'No tasks were found.'),
  tasksWithoutLead: (n: number) =>
    w(`${n} nhiệm vụ chưa có đơn vị chủ trì.`, `${n} task(s) have no lead unit.`),
  noRecipients: () => w('Không tìm thấy nơi nhận.', 'No recipients were found.'),
  signerMissing: () => w('Không tìm thấy người ký.', 'The signer was not found.'),
  periodUnclear: () => w('Chưa rõ thời gian thực hiện (từ năm – đến năm).', 'The plan period (from/to year) is unclear.'),
};
