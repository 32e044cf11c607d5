// node scripts/structure.mjs [--check]
// The layout's figures: folders that import each other (tests counted), source files over 400
// lines (tests aside) and the interfaces of server/ with the most methods. With --check (part of
// `npm run lint`) it exits 1 when any two folders of server/, shared/, client/ or exercises/
// import each other, a server interface has over 12 methods, or a source file has over 400 lines.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const TOPS = ['server', 'shared', 'client', 'exercises'];
const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(ts|tsx|mjs)$/.test(e.name)) files.push(p);
  }
};
for (const top of TOPS) walk(path.join(root, top));

const folderOf = (file) => path.relative(root, path.dirname(file));
const isFolder = (p) => fs.existsSync(p) && fs.statSync(p).isDirectory();
const isTest = (file) => /\.(test|spec)\.tsx?$/.test(file);

/** folder → the folders its files import (relative imports, static or dynamic, re-exports included). */
const imports = new Map();
for (const file of files) {
  const from = folderOf(file);
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = path.resolve(path.dirname(file), m[1]);
    // A folder imported by its name means its index file, which lives in that folder.
    const to = isFolder(target) ? path.relative(root, target) : folderOf(target);
    if (to === from) continue;
    if (!imports.has(from)) imports.set(from, new Set());
    imports.get(from).add(to);
  }
}
const pairs = [];
for (const [a, targets] of imports) for (const b of targets) if (a < b && imports.get(b)?.has(a)) pairs.push([a, b]);

const long = files
  .filter((f) => !isTest(f))
  .map((f) => [path.relative(root, f), fs.readFileSync(f, 'utf8').split('\n').length - 1])
  .filter(([, n]) => n > 400);

const interfaces = [];
for (const file of files.filter((f) => path.relative(root, f).startsWith('server/'))) {
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/interface (\w+)(?:<[^>]*>)?(?: extends [^{]+)? \{\n([\s\S]*?)\n\}/g)) {
    const methods = m[2].split('\n').filter((l) => /^ {2}(readonly )?\w+\??(<[^>]*>)?\(|^ {2}(readonly )?\w+\??: \(/.test(l)).length;
    interfaces.push([methods, `${path.relative(root, file)} ${m[1]}`]);
  }
}
interfaces.sort((a, b) => b[0] - a[0]);

console.log(`folders importing each other: ${pairs.length}`);
for (const [a, b] of pairs) console.log(`  ${a} <-> ${b}`);
console.log(`source files over 400 lines: ${long.length}`);
for (const [f, n] of long) console.log(`  ${n} ${f}`);
console.log('server interfaces with the most methods:');
for (const [n, name] of interfaces.slice(0, 5)) console.log(`  ${n} ${name}`);

if (process.argv.includes('--check')) {
  const bad = [
    ...pairs.map(([a, b]) => `${a} <-> ${b}`),
    ...long.map(([f, n]) => `${f}: ${n} lines`),
    ...interfaces.filter(([n]) => n > 12).map(([n, name]) => `${name}: ${n} methods`),
  ];
  if (bad.length) {
    console.error(`not as the layout wants:\n  ${bad.join('\n  ')}`);
    process.exit(1);
  }
}
