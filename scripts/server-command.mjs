// How the server process is started, by `npm start` and by the end-to-end tests alike.
//
// The V8 heap is bounded (YTCS_HEAP_MB, default 512): on a machine with plenty of memory V8 lets
// garbage pile up to gigabytes before a full collection (reading a million-row workbook kept
// ~50 MB alive and reached 900 MB of RSS), so the server's memory would follow the machine's
// size rather than its work. Everything the server holds at once is bounded well below this
// (imports.limits.ts); PGlite's memory and buffers lie outside the heap.
export const DEFAULT_HEAP_MB = 512;

export function serverCommand(env = process.env) {
  const heap = Number(env.YTCS_HEAP_MB || DEFAULT_HEAP_MB);
  if (!Number.isInteger(heap) || heap < 256) throw new Error('YTCS_HEAP_MB must be a whole number of megabytes, at least 256');
  return { command: process.execPath, args: [`--max-old-space-size=${heap}`, '--import', 'tsx', 'server/src/main.ts'] };
}
