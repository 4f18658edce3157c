// Fails when the web's features depend on each other in a cycle, or when the shared layers
// (lib/, api/, i18n/) depend on a feature. A feature is a folder under web/src/features/; files may
// form no cycle either (madge --circular in `npm run check`), but two features can form one
// without any file cycle (a → b's file x, b's file y → a), and that is what this script catches:
// such features can no longer be understood, tested or removed one at a time.
// Usage: node scripts/check-web-features.mjs [srcDir]  (default web/src)
import path from 'node:path';
import madge from 'madge';

const srcDir = path.resolve(process.argv[2] ?? 'web/src');
const SHARED_LAYERS = ['lib', 'api', 'i18n'];

/** "features/plans/PlanTargets.tsx" → "plans"; a shared layer → "lib" etc.; anything else → null. */
function unitOf(file) {
  const parts = file.split('/');
  if (parts[0] === 'features' && parts.length > 2) return parts[1];
  if (SHARED_LAYERS.includes(parts[0])) return `(${parts[0]})`;
  return null;
}

const result = await madge(srcDir, { fileExtensions: ['ts', 'tsx'], tsConfig: path.resolve(srcDir, '../tsconfig.json') });
const files = result.obj();

// Feature → feature it imports → one file import that shows it (for the message).
const edges = new Map();
const problems = [];
for (const [from, imports] of Object.entries(files)) {
  const a = unitOf(from);
  if (!a) continue;
  for (const to of imports) {
    const b = unitOf(to);
    if (!b || a === b) continue;
    if (a.startsWith('(') && !b.startsWith('(')) problems.push(`${a.slice(1, -1)}/ must not import a feature: ${from} → ${to}`);
    if (a.startsWith('(') || b.startsWith('(')) continue;
    if (!edges.has(a)) edges.set(a, new Map());
    if (!edges.get(a).has(b)) edges.get(a).set(b, `${from} → ${to}`);
  }
}

// Strongly connected components (Tarjan): every component of more than one feature is a cycle.
let index = 0;
const stack = [];
const state = new Map();
const components = [];
function visit(v) {
  state.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!state.has(w)) {
      visit(w);
      state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
    } else if (state.get(w).onStack) {
      state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
    }
  }
  if (state.get(v).low === state.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      state.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) components.push(component.sort());
  }
}
for (const v of edges.keys()) if (!state.has(v)) visit(v);

for (const component of components) {
  const inside = new Set(component);
  const through = component.flatMap((a) => [...(edges.get(a) ?? [])].filter(([b]) => inside.has(b)).map(([, example]) => `    ${example}`));
  problems.push(`features in a cycle: ${component.join(', ')}\n${through.join('\n')}`);
}

if (problems.length > 0) {
  console.error(`Web feature dependencies (${path.relative(process.cwd(), srcDir)}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Web features: ${edges.size} with dependencies, no cycle between features.`);
