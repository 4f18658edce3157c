/** The two tables of section I: targets against the plan, and the tasks with their progress. */
import { AlignmentType } from 'docx';
import { type GridCell, gridTable } from './docx.kit.ts';
import { DASH, figureText, formatDateVi, formatValue, TASK_STATUS_LABEL, targetText, verdictLabel } from './format.ts';
import type { ReportTarget, ReportTask } from './report.types.ts';

const { CENTER, LEFT } = AlignmentType;

export function targetTable(targets: ReportTarget[]) {
  const rows: GridCell[][] = targets.map((t, i) => {
    const now = figureText(t.unit, t.current);
    return [String(i + 1), t.indicatorName, targetText(t), formatValue(t.unit, t.previous), now.note ? [now.main, now.note] : now.main, verdictLabel(t.standing)];
  });
  return gridTable({
    widths: [680, 2892, 1300, 1100, 1882, 1500],
    header: ['STT', 'Chỉ tiêu', 'Kế hoạch', 'Kỳ trước', 'Thực hiện', 'Đánh giá'],
    align: [CENTER, LEFT, CENTER, CENTER, CENTER, CENTER],
    rows,
  });
}

export function taskTable(tasks: ReportTask[]) {
  const rows: GridCell[][] = tasks.map((t, i) => [
    String(i + 1),
    t.section ? [t.text, t.section] : t.text,
    t.lead,
    t.coordinating.join(', ') || DASH,
    t.deadline ? formatDateVi(t.deadline) : DASH,
    `${t.progress}%`,
    TASK_STATUS_LABEL[t.status],
  ]);
  return gridTable({
    widths: [680, 2500, 1350, 1450, 1400, 850, 1124],
    header: ['STT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn', 'Tiến độ', 'Tình trạng'],
    align: [CENTER, LEFT, LEFT, LEFT, CENTER, CENTER, CENTER],
    rows,
  });
}
