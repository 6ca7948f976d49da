import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Every source a comment or document cites must be one a reader can open: `docs/….md` references
// (with an optional `#anchor`) must name a file of this repository and, when an anchor is given, a
// heading of that file. Relative Markdown links inside docs/ are held to the same rule. Notes that
// never were part of the repository must not be cited at all.

const REPO_ROOT = join(__dirname, '../../..');
const SCANNED = ['src', 'test', 'bench', 'docs', 'scripts', '.ci', 'apps/admin-ui/src'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', '.git', '.angular']);
const TEXT_FILE = /\.(ts|tsx|js|cjs|mjs|json|md|sh|html|scss|css|ya?ml|sql|txt)$/;
const THIS_FILE = relative(REPO_ROOT, __filename);

/** Names of notes that live outside the repository (spelled in pieces so this file does not cite them). */
const OUTSIDE_NOTES = [
  ['featbit', 'protocol.md'],
  ['featbit', 'features.md'],
  ['infra', 'notes'],
  ['featbit', 'gap'],
  ['peers', 'md'],
  ['house-style', 'anchors'],
].map(([a, b]) => (b === 'md' ? `${a}.${b}` : `${a}-${b}`));

/** `docs/<path>.md` or `docs/<path>.md#anchor`, not preceded by a path character (URLs, `../docs`). */
const DOC_REFERENCE = /(?<![\w./-])docs\/[\w./-]*?\.md(?:#[\w-]+)?/g;
/** `[text](target)` Markdown links. */
const MARKDOWN_LINK = /\]\(([^()\s]+)\)/g;

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIPPED_DIRS.has(name) ? [] : filesUnder(path);
    return TEXT_FILE.test(name) ? [path] : [];
  });
}

/** GitHub's heading anchor: lower case, punctuation dropped, each space turned into '-'. */
export function githubSlug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const anchorCache = new Map<string, Set<string>>();

/** Every anchor a Markdown file offers: its headings (duplicates numbered) and explicit ids. */
function anchorsOf(file: string): Set<string> {
  const cached = anchorCache.get(file);
  if (cached) return cached;
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const slug = githubSlug(heading[1]);
      const count = seen.get(slug) ?? 0;
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
      seen.set(slug, count + 1);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  }
  anchorCache.set(file, anchors);
  return anchors;
}

/** Why `target` (a path, optionally with #anchor) does not resolve, or null. */
function brokenTarget(path: string, anchor: string | undefined): string | null {
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) return 'no such file';
  if (anchor === undefined || anchor === '') return null;
  return anchorsOf(path).has(anchor) ? null : `no heading with anchor #${anchor}`;
}

interface Finding {
  file: string;
  line: number;
  text: string;
  problem: string;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function scan(): { findings: Finding[]; references: number } {
  const findings: Finding[] = [];
  let references = 0;
  const files = SCANNED.flatMap((dir) => filesUnder(join(REPO_ROOT, dir)));
  for (const file of files) {
    const rel = relative(REPO_ROOT, file);
    if (rel === THIS_FILE) continue;
    const text = readFileSync(file, 'utf8');
    for (const name of OUTSIDE_NOTES) {
      let at = text.indexOf(name);
      while (at >= 0) {
        findings.push({
          file: rel,
          line: lineOf(text, at),
          text: name,
          problem: 'cites a note outside the repository',
        });
        at = text.indexOf(name, at + name.length);
      }
    }
    for (const m of text.matchAll(DOC_REFERENCE)) {
      references++;
      const [path, anchor] = m[0].split('#');
      const problem = brokenTarget(join(REPO_ROOT, path), anchor);
      if (problem) findings.push({ file: rel, line: lineOf(text, m.index ?? 0), text: m[0], problem });
    }
    if (rel.startsWith('docs/') && rel.endsWith('.md')) {
      for (const m of text.matchAll(MARKDOWN_LINK)) {
        const target = m[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
        const [path, anchor] = target.split('#');
        if (path !== '' && !path.endsWith('.md')) continue; // images and other files
        references++;
        const resolved = path === '' ? file : resolve(dirname(file), path);
        const problem = brokenTarget(resolved, anchor);
        if (problem) findings.push({ file: rel, line: lineOf(text, m.index ?? 0), text: target, problem });
      }
    }
  }
  return { findings, references };
}

describe('citations', () => {
  it('slugs headings the way GitHub does', () => {
    expect(githubSlug('Dispatch')).toBe('dispatch');
    expect(githubSlug('Handshake and close codes')).toBe('handshake-and-close-codes');
    expect(githubSlug('Malformed flags (error containment)')).toBe('malformed-flags-error-containment');
    expect(githubSlug('PostgreSQL (`MQ_PROVIDER=postgres`): FeatBit’s design')).toBe(
      'postgresql-mq_providerpostgres-featbits-design',
    );
    expect(githubSlug('Redis (`createRedisFlagCache({ url })`)')).toBe('redis-createredisflagcache-url-');
    expect(githubSlug('Results against the targets (one core)')).toBe('results-against-the-targets-one-core');
  });

  it('every docs/… reference names an existing file and heading, and no outside note is cited', () => {
    const { findings, references } = scan();
    expect(references).toBeGreaterThan(50);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.text} — ${f.problem}`)).toEqual([]);
  });
});
