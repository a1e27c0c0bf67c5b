#!/usr/bin/env node
// `npm run lint` runs this after ESLint: it fails when feature folders import each other in a loop
// (renderer/src/features/<a> → <b> → … → <a>). A loop means two features can no longer be understood,
// changed or removed apart: shared code belongs in db/, domain/ or ui/. Test files are left out: they
// are not part of the app.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FEATURES = 'renderer/src/features';
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const TEST = /\.test\.[cm]?[jt]sx?$/;
// Static imports and re-exports (`import … from '…'`, `export … from '…'`, `import '…'`) and `import('…')`.
const SPECIFIER = /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The feature folder a path (relative to the repository, `/`-separated) belongs to, if any. */
function featureOf(path) {
  const match = new RegExp(`^${FEATURES}/([^/]+)/`).exec(path);
  return match ? match[1] : undefined;
}

/**
 * Edges between feature folders: `from → to`, each with the first import that makes it.
 * @param {Array<{ path: string; source: string }>} files paths relative to the repository, `/`-separated
 * @returns {Map<string, Map<string, { file: string; imports: string }>>}
 */
export function featureGraph(files) {
  const graph = new Map();
  for (const { path, source } of files) {
    const from = featureOf(path);
    if (!from || TEST.test(path)) continue;
    for (const match of source.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier.startsWith('.')) continue;
      const target = join(dirname(path), specifier).split(sep).join('/');
      const to = featureOf(`${target}/`);
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from).has(to)) graph.get(from).set(to, { file: path, imports: specifier });
    }
  }
  return graph;
}

/**
 * Every loop between feature folders, each as the list of folders along it (first repeated last),
 * found once per strongly connected group of folders.
 * @param {ReturnType<typeof featureGraph>} graph
 * @returns {string[][]}
 */
export function findFeatureLoops(graph) {
  const loops = [];
  const done = new Set();
  for (const start of [...graph.keys()].sort()) {
    if (done.has(start)) continue;
    // Breadth-first from `start`: the shortest way back to it, if there is one.
    const cameFrom = new Map([[start, null]]);
    const queue = [start];
    let back;
    while (queue.length > 0 && !back) {
      const node = queue.shift();
      for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
        if (next === start) { back = node; break; }
        if (!cameFrom.has(next)) { cameFrom.set(next, node); queue.push(next); }
      }
    }
    if (!back) continue;
    const path = [start];
    for (let node = back; node !== start; node = cameFrom.get(node)) path.splice(1, 0, node);
    path.push(start);
    path.forEach((node) => done.add(node));
    loops.push(path);
  }
  return loops;
}

/** One readable paragraph per loop: the folders, then the import that makes each step. */
export function describeLoops(loops, graph) {
  return loops.map((loop) => [
    `Import loop between feature folders: ${loop.join(' → ')}`,
    ...loop.slice(0, -1).map((from, i) => {
      const edge = graph.get(from).get(loop[i + 1]);
      return `  ${edge.file} imports '${edge.imports}'`;
    }),
  ].join('\n')).join('\n\n');
}

function sourceFiles(root, dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(root, path);
    return SOURCE.test(entry.name) ? [{ path, source: readFileSync(join(root, path), 'utf8') }] : [];
  });
}

/** The loops of the feature folders under `root` (the repository). */
export function checkFeatureLoops(root) {
  const graph = featureGraph(sourceFiles(root, FEATURES));
  return { graph, loops: findFeatureLoops(graph) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const { graph, loops } = checkFeatureLoops(root);
  if (loops.length > 0) {
    console.error(describeLoops(loops, graph));
    console.error('\nMove what both sides need into db/, domain/ or ui/, or let one side own it.');
    process.exit(1);
  }
  console.log(`feature folders: ${graph.size} with imports between them, no loop`);
}
