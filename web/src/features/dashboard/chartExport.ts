// What a chart's PNG is drawn from: the chart's own option in its final state (no animation, so
// an export during the entry animation never catches a bar part-way) under a heading that says
// what, where and when — a figure pasted into a report must stand on its own.
import type { ChartOption } from './echarts';

export type ChartCaption = {
  /** What the chart shows: the plan's targets, an indicator's quarters. */
  title: string;
  /** The unit, the period, the measure: one line, joined by " · ". */
  lines: string[];
};

/** Room above the plot for the heading, in pixels. */
export const CAPTION_HEIGHT = 52;

type Placed = { top?: number | string };

function lowered<T extends Placed>(part: T | T[] | undefined): T | T[] | undefined {
  if (part === undefined) return undefined;
  const move = (p: T): T => ({ ...p, top: (typeof p.top === 'number' ? p.top : 0) + CAPTION_HEIGHT });
  return Array.isArray(part) ? part.map(move) : move(part);
}

/** The option to export: animation off, the heading on top, the grid and legend moved under it. */
export function exportOption(option: ChartOption, caption: ChartCaption): ChartOption {
  return {
    ...option,
    animation: false,
    backgroundColor: '#fff',
    title: {
      text: caption.title,
      subtext: caption.lines.filter(Boolean).join(' · '),
      left: 8,
      top: 4,
      textStyle: { fontSize: 15, fontWeight: 'bold', color: '#1f1f1f', width: 760, overflow: 'truncate' },
      subtextStyle: { fontSize: 12, color: '#555' },
    },
    grid: lowered(option.grid as Placed | Placed[] | undefined),
    legend: lowered(option.legend as Placed | Placed[] | undefined),
    tooltip: undefined,
  };
}
