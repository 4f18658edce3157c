/**
 * The report's own sentences: the counts opening section I, the shortcomings (II) and the next
 * steps (III). Derived from the figures so the official starts from a complete draft and edits
 * wording, rather than hunting for which target slipped.
 */
import { formatDateVi, formatNumberVi, formatValue, planShortReference, kindLabel, TASK_STATUS_LABEL, targetGap, targetText } from './format.ts';
import type { Standing } from '@ytcs/common';
import type { ReportData, ReportTarget, ReportTask } from './report.types.ts';

const fallsShort = (t: ReportTarget) => t.standing === 'near' || t.standing === 'far';
const quoted = (s: string) => `“${s.trim().replace(/[.;]+$/, '')}”`;

export function targetSummary(targets: ReportTarget[]): string {
  const count = (s: Standing) => targets.filter((t) => t.standing === s).length;
  const missed = count('near') + count('far');
  const open = targets.length - count('met') - missed;
  const near = count('near') ? ` (${count('near')} chỉ tiêu gần đạt)` : '';
  return `Kỳ báo cáo theo dõi ${targets.length} chỉ tiêu: ${count('met')} chỉ tiêu đạt, ${missed} chỉ tiêu chưa đạt${near}${open ? `, ${open} chỉ tiêu chưa đánh giá` : ''}.`;
}

export function taskSummary(tasks: ReportTask[]): string {
  const count = (s: ReportTask['status']) => tasks.filter((t) => t.status === s).length;
  const parts = (['done', 'in_progress', 'not_started', 'overdue'] as const).filter((s) => count(s)).map((s) => `${count(s)} ${TASK_STATUS_LABEL[s].toLocaleLowerCase('vi')}`);
  return `Tổng số ${tasks.length} nhiệm vụ${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}

function missedTargetLine(t: ReportTarget): string {
  const gap = targetGap(t);
  const achieved = formatValue(t.unit, t.current.value);
  // 'kế hoạch ≥ 96% năm 2026' rather than nesting the table's '(2026)' inside more brackets.
  const plan = `kế hoạch ${targetText({ ...t, targetYear: null })}${t.targetYear === null ? '' : ` năm ${t.targetYear}`}`;
  const rounded = gap === null ? '0' : formatNumberVi(gap, t.unit === 'percent' || !Number.isInteger(gap) ? 1 : 0);
  // A gap that rounds to nothing (a strict '> 95%' at exactly 95) would read 'thấp hơn 0,0'.
  if (/^0(,0)?$/.test(rounded)) return `- Chỉ tiêu ${quoted(t.indicatorName)} đạt ${achieved}, chưa đạt ${plan}.`;
  const amount = t.unit === 'percent' ? `${rounded} điểm phần trăm` : rounded;
  const direction = t.comparator === 'le' || t.comparator === 'lt' ? 'cao hơn' : t.comparator === 'eq' ? 'chênh lệch' : 'thấp hơn';
  return `- Chỉ tiêu ${quoted(t.indicatorName)} đạt ${achieved}, ${direction} ${amount} so với ${plan}.`;
}

function overdueTaskLine(t: ReportTask): string {
  const deadline = t.deadline ? `thời hạn ${formatDateVi(t.deadline)}, ` : '';
  const note = t.lastNote ? ` Ghi nhận gần nhất${t.lastUpdatedOn ? ` (${formatDateVi(t.lastUpdatedOn)})` : ''}: ${t.lastNote.trim().replace(/\.$/, '')}.` : '';
  return `- Nhiệm vụ ${quoted(t.text)} (chủ trì: ${t.lead}) quá hạn (${deadline}tiến độ đạt ${t.progress}%).${note}`;
}

/** Section II: missed targets (with the gap), targets that could not be assessed, overdue tasks. */
export function shortcomings(data: ReportData): string[] {
  const lines = [
    ...data.targets.filter(fallsShort).map(missedTargetLine),
    ...data.targets
      .filter((t) => t.standing === null)
      .map((t) => `- Chỉ tiêu ${quoted(t.indicatorName)} chưa đánh giá được do ${t.current.suppressed ? 'số liệu được ẩn để bảo vệ thông tin cá nhân' : 'chưa có số liệu'}.`),
    ...data.tasks.filter((t) => t.status === 'overdue').map(overdueTaskLine),
  ];
  return lines.length ? lines : ['- Trong kỳ báo cáo, không có chỉ tiêu chưa đạt và không có nhiệm vụ quá hạn.'];
}

const byUrgency = (a: ReportTask, b: ReportTask) =>
  Number(b.status === 'overdue') - Number(a.status === 'overdue') || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999');

function nextStepLine(t: ReportTask): string {
  const who = [`chủ trì: ${t.lead}`, ...(t.coordinating.length ? [`phối hợp: ${t.coordinating.join(', ')}`] : [])];
  if (t.status === 'overdue') return `- Khẩn trương hoàn thành nhiệm vụ quá hạn ${quoted(t.text)} (${who.join('; ')}).`;
  const when = [...(t.deadline ? [`thời hạn ${formatDateVi(t.deadline)}`] : []), ...(t.status === 'in_progress' ? [`tiến độ hiện tại ${t.progress}%`] : [])];
  const verb = t.status === 'not_started' ? 'Triển khai' : 'Tiếp tục thực hiện';
  return `- ${verb} nhiệm vụ ${quoted(t.text)} (${[...who, ...when].join('; ')}).`;
}

/** Section III: every unfinished task, overdue first, then by deadline; then the missed targets. */
export function nextSteps(data: ReportData): string[] {
  const tasks = data.tasks.filter((t) => t.status !== 'done').sort(byUrgency).map(nextStepLine);
  const missed = data.targets.filter(fallsShort).map((t) => t.indicatorName);
  const targets = missed.length ? [`- Tập trung các giải pháp để đạt các chỉ tiêu chưa đạt: ${missed.join('; ')}.`] : [];
  const lines = [...tasks, ...targets];
  return lines.length ? lines : ['- Duy trì, nâng cao chất lượng các kết quả đã đạt được.'];
}

/** Names the plan's issuer, not the reporter: a ward may report on a plan of its city. */
export function closingSentence(data: ReportData): string {
  return `Trên đây là báo cáo ${kindLabel(data.kind).toLocaleLowerCase('vi')} ${data.periodLabel} thực hiện ${planShortReference(data.plan)} của ${data.plan.issuer}./.`;
}
