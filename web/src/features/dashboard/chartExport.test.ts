import { describe, expect, it } from 'vitest';
import { CAPTION_HEIGHT, exportOption } from './chartExport';

describe('a chart exported as an image', () => {
  const option = { grid: { left: 8, top: 28 }, legend: { top: 0, data: ['Chỉ tiêu'] }, series: [{ type: 'bar', data: [62] }] };
  const caption = { title: 'Kế hoạch 120/KH-UBND: chỉ tiêu so với số liệu', lines: ['Đơn vị: Tỉnh Thái Nguyên', 'Kỳ: Quý IV/2026', '', 'Đơn vị tính: %'] };

  it('is drawn in its final state, never mid-animation', () => {
    expect(exportOption(option, caption).animation).toBe(false);
  });

  it('carries its title, unit, period and measure, with the plot moved below them', () => {
    const out = exportOption(option, caption) as { title: { text: string; subtext: string }; grid: { top: number }; legend: { top: number }; series: unknown };
    expect(out.title.text).toBe(caption.title);
    expect(out.title.subtext).toBe('Đơn vị: Tỉnh Thái Nguyên · Kỳ: Quý IV/2026 · Đơn vị tính: %');
    expect(out.grid.top).toBe(28 + CAPTION_HEIGHT);
    expect(out.legend.top).toBe(CAPTION_HEIGHT);
    expect(out.series).toBe(option.series);
  });
});
