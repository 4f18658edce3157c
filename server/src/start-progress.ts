/**
 * What the server says while it starts: the first start on an empty database migrates, loads the
 * official units and the reference lists, and in demo mode 20,000 residents — over a minute on a
 * small machine, which without a word looks like a hang. One line per step, with the seconds
 * since the start; a long step's count at most every tenth of the way.
 */
import { sayIn } from '@ytcs/common';
import type { ReportProgress, StartProgress } from './bootstrap.ts';

const vi = new Intl.NumberFormat('vi-VN');
const en = new Intl.NumberFormat('en-GB');

export function progressLine(step: StartProgress, elapsedMs: number): string {
  const seconds = `${(elapsedMs / 1000).toFixed(1).padStart(5)} s`;
  const count = (f: Intl.NumberFormat) => (step.total ? ` ${f.format(step.done ?? 0)}/${f.format(step.total)}` : '');
  return `  [${seconds}] ${sayIn('vi', `start.${step.step}`)}${count(vi)}… / ${sayIn('en', `start.${step.step}`)}${count(en)}…`;
}

/** A reporter writing progress lines; a counted step only when it passes another tenth, or ends. */
export function progressPrinter(write: (line: string) => void, started = Date.now(), now = () => Date.now()): ReportProgress {
  let lastStep = '';
  let lastTenth = -1;
  return (step) => {
    if (step.total) {
      const tenth = Math.floor(((step.done ?? 0) / step.total) * 10);
      if (step.step === lastStep && tenth === lastTenth) return;
      lastTenth = tenth;
    } else lastTenth = -1;
    lastStep = step.step;
    write(`${progressLine(step, now() - started)}\n`);
  };
}
