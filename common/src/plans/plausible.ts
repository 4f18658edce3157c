/**
 * A target's number checked against what its indicator can be (the ranges live beside the
 * indicator rules, indicators.ts). An implausible number is a misreading more often than a
 * target, and a wrong value is worse than a missing one: the value is left empty and a warning
 * quotes the line, so the reviewer reads the original.
 */
import { plausibleFor } from './indicators.ts';
import type { IssuerLevel, PlanWarning, TargetDraft } from './types.ts';
import { WARN } from './warnings.ts';

export function isPlausible(value: number, unit: TargetDraft['unit'], code: string | null, level: IssuerLevel | null): boolean {
  if (!Number.isFinite(value) || value < 0) return false;
  const range = plausibleFor(code);
  if (unit === 'percent') return value >= range.percent[0] && value <= range.percent[1];
  // Without the issuer's level, the largest one: only what no issuer could have is dropped.
  return !range.count || value <= range.count[level ?? 'province'];
}

/** The figure as the Vietnamese text writes it: "9,5%", "150". */
function figure(t: TargetDraft): string {
  return `${String(t.value).replace('.', ',')}${t.unit === 'percent' ? '%' : ''}`;
}

/** The range the number had to be in, as the warning names it: "80–100% (BHYT_BP)", "0–10 (TYT_BS)". */
function rangeOf(t: TargetDraft, level: IssuerLevel | null): string {
  const range = plausibleFor(t.indicatorCode);
  const bounds = t.unit === 'percent' ? `${range.percent[0]}–${range.percent[1]}%` : range.count ? `0–${range.count[level ?? 'province']}` : '≥ 0';
  return t.indicatorCode ? `${bounds} (${t.indicatorCode})` : bounds;
}

function line(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

export function dropImplausible<T extends TargetDraft>(targets: T[], level: IssuerLevel | null): { targets: T[]; warnings: PlanWarning[] } {
  const warnings: PlanWarning[] = [];
  const out = targets.map((t) => {
    if (t.value === null || isPlausible(t.value, t.unit, t.indicatorCode, level)) return t;
    warnings.push(WARN.valueImplausible(line(t.text), figure(t), rangeOf(t, level)));
    return { ...t, value: null };
  });
  return { targets: out, warnings };
}
