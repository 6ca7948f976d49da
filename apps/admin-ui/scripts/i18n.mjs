#!/usr/bin/env node
// Translation workflow for the console (English source, Simplified Chinese shipped). Angular's own
// tooling does the extraction and the build-time inlining; this script only keeps the committed
// files in step and hands translators a readable to-do list.
//
//   node scripts/i18n.mjs extract           refresh src/locale/messages.json (English source)
//   node scripts/i18n.mjs todo [PATH...]     untranslated messages (only those used under PATH…)
//                                            as {"id": {"source": …, "target": ""}} on stdout
//   node scripts/i18n.mjs merge FILE...      merge {"id": "target"} (or the todo shape) files into
//                                            src/locale/messages.zh-Hans.json
//   node scripts/i18n.mjs check              fail if the source file is stale, or a message lacks a
//                                            translation, or a translation is obsolete
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const localeDir = join(root, 'src/locale');
const sourceFile = join(localeDir, 'messages.json');
const targetFile = join(localeDir, 'messages.zh-Hans.json');
const TARGET_LOCALE = 'zh-Hans';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const sorted = (map) => Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
const writeMessages = (file, locale, translations) =>
  writeFileSync(file, `${JSON.stringify({ locale, translations: sorted(translations) }, null, 2)}\n`);

/** Runs Angular's extractor into a scratch directory (CI=1 turns its shared disk cache off). */
function extract(format) {
  const out = mkdtempSync(join(tmpdir(), 'ff-i18n-'));
  try {
    execFileSync(
      'npx',
      ['ng', 'extract-i18n', '--format', format, '--output-path', out, '--progress=false'],
      {
        cwd: root,
        env: { ...process.env, CI: '1' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    return readFileSync(join(out, format === 'json' ? 'messages.json' : 'messages.xlf'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** id → source files that use it, read from the XLIFF 1.2 extraction's location groups. */
function locations() {
  const xlf = extract('xlf');
  const byId = new Map();
  for (const unit of xlf.matchAll(/<trans-unit id="([^"]+)"[\s\S]*?<\/trans-unit>/g)) {
    const files = [...unit[0].matchAll(/<context context-type="sourcefile">([^<]+)<\/context>/g)].map(
      (m) => m[1],
    );
    byId.set(unit[1], files);
  }
  return byId;
}

/** Serialises read-modify-write of the translation file between concurrent translators. */
function withLock(fn) {
  const lock = `${targetFile}.lock`;
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 600) throw new Error(`${lock} held for a minute; remove it if no merge is running`);
      execFileSync('sleep', ['0.1']);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const loadTargets = () => {
  try {
    return readJson(targetFile).translations;
  } catch {
    return {};
  }
};

const [command, ...args] = process.argv.slice(2);
if (command === 'extract') {
  writeFileSync(sourceFile, extract('json'));
} else if (command === 'todo') {
  const source = JSON.parse(extract('json')).translations;
  const where = args.length > 0 ? locations() : undefined;
  const prefixes = args.map((p) => relative(root, resolve(p)));
  const done = loadTargets();
  const todo = {};
  for (const [id, text] of Object.entries(source)) {
    if (done[id] !== undefined) continue;
    if (where && !(where.get(id) ?? []).some((f) => prefixes.some((p) => f.startsWith(p)))) continue;
    todo[id] = { source: text, target: '' };
  }
  process.stdout.write(`${JSON.stringify(todo, null, 2)}\n`);
} else if (command === 'merge') {
  withLock(() => {
    const targets = loadTargets();
    let merged = 0;
    for (const file of args) {
      for (const [id, value] of Object.entries(readJson(file))) {
        const text = typeof value === 'string' ? value : value?.target;
        if (typeof text === 'string' && text.trim() !== '') {
          targets[id] = text;
          merged += 1;
        }
      }
    }
    writeMessages(targetFile, TARGET_LOCALE, targets);
    console.log(`merged ${merged} translations into ${relative(root, targetFile)}`);
  });
} else if (command === 'check') {
  const fresh = JSON.parse(extract('json')).translations;
  const problems = [];
  const committed = readJson(sourceFile).translations;
  if (JSON.stringify(sorted(committed)) !== JSON.stringify(sorted(fresh))) {
    problems.push('src/locale/messages.json is stale: run `node scripts/i18n.mjs extract`');
  }
  const targets = loadTargets();
  const placeholders = (text) =>
    [...text.matchAll(/\{\$[A-Z0-9_]+\}/g)]
      .map((m) => m[0])
      .sort()
      .join();
  for (const [id, text] of Object.entries(fresh)) {
    if (targets[id] === undefined) problems.push(`untranslated ${id}: ${JSON.stringify(text)}`);
    else if (placeholders(text) !== placeholders(targets[id])) {
      problems.push(`placeholders differ in ${id}: ${JSON.stringify(text)} → ${JSON.stringify(targets[id])}`);
    }
  }
  for (const id of Object.keys(targets)) {
    if (fresh[id] === undefined) problems.push(`obsolete translation ${id}: ${JSON.stringify(targets[id])}`);
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`${Object.keys(fresh).length} messages, all translated into ${TARGET_LOCALE}`);
} else {
  console.error('usage: i18n.mjs extract | todo [PATH...] | merge FILE... | check');
  process.exit(2);
}
