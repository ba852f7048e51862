// Draws src/'s import graph and checks the house rules: no file cycles, no folder cycles, nothing below chat/ importing it.
// Usage: node scripts/import-graph.mjs [--folders] [--check]   (--check exits 1 when a rule is broken)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');
const args = new Set(process.argv.slice(2));

/** Folders that must not import from src/chat/ (the inbound seam sits above them). */
const belowChat = ['render', 'store', 'sources', 'reports', 'jobs', 'ledger', 'domain', 'calendar', 'ask', 'delivery', 'feishu'];

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.ts')) files.push(relative(src, path));
  }
};
walk(src);

const specifiers = /(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g;
const edges = new Map(files.map((file) => [file, new Set()]));
for (const file of files) {
  const text = readFileSync(join(src, file), 'utf8');
  for (const match of text.matchAll(specifiers)) {
    const target = relative(src, resolve(join(src, dirname(file)), match[1])).replace(/\.js$/, '.ts');
    if (edges.has(target)) edges.get(file).add(target);
  }
}

const folderOf = (file) => (file.includes('/') ? file.split('/')[0] : '.');

/** Strongly connected components with more than one member (Tarjan). */
const cycles = (graph) => {
  let index = 0;
  const stack = [];
  const info = new Map();
  const found = [];
  const visit = (node) => {
    info.set(node, { index, low: index, onStack: true });
    index += 1;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!info.has(next)) {
        visit(next);
        info.get(node).low = Math.min(info.get(node).low, info.get(next).low);
      } else if (info.get(next).onStack) info.get(node).low = Math.min(info.get(node).low, info.get(next).index);
    }
    if (info.get(node).low === info.get(node).index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        info.get(member).onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!info.has(node)) visit(node);
  return found;
};

const folderGraph = new Map();
for (const [file, targets] of edges) {
  const from = folderOf(file);
  if (!folderGraph.has(from)) folderGraph.set(from, new Set());
  for (const target of targets) if (folderOf(target) !== from) folderGraph.get(from).add(folderOf(target));
}

const fileCycles = cycles(edges);
const folderCycles = cycles(folderGraph);
const chatImports = [...edges].flatMap(([file, targets]) =>
  belowChat.includes(folderOf(file)) ? [...targets].filter((t) => folderOf(t) === 'chat').map((t) => `${file} -> ${t}`) : [],
);

if (args.has('--folders')) {
  for (const [folder, targets] of [...folderGraph].sort()) console.log(`${folder.padEnd(10)} -> ${[...targets].sort().join(' ')}`);
  console.log('');
}
console.log(`files: ${files.length}, imports: ${[...edges.values()].reduce((n, s) => n + s.size, 0)}`);
console.log(`file cycles: ${fileCycles.length}`);
for (const cycle of fileCycles) console.log(`  ${cycle.join(' <-> ')}`);
console.log(`folder cycles: ${folderCycles.length}`);
for (const cycle of folderCycles) console.log(`  ${cycle.join(' <-> ')}`);
console.log(`imports of chat/ from ${belowChat.join(', ')}: ${chatImports.length}`);
for (const line of chatImports) console.log(`  ${line}`);
if (args.has('--check') && (fileCycles.length || folderCycles.length || chatImports.length)) process.exit(1);
