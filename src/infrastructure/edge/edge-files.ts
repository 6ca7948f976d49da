import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataDirInUseError, lockDataDir } from '../database/postgres/pglite/data-dir-lock';

// What the edge role keeps in EDGE_DATA_DIR (docs/relay-proxies.md#edge-role): its agent id, the
// replica (replica.json, replaced atomically: a crash leaves the old or the new copy, never half a
// file) and the insights not yet forwarded (insights.ndjson, see edge-insight-buffer.ts).

export const REPLICA_FILE = 'replica.json';
export const AGENT_ID_FILE = 'agent-id';
export const INSIGHTS_FILE = 'insights.ndjson';

/** Creates and locks the directory (one edge process per directory); returns the release function. */
export function openEdgeDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    return lockDataDir(dir);
  } catch (err) {
    if (err instanceof DataDirInUseError) {
      throw new Error(
        `EDGE_DATA_DIR ${dir} is in use by another edge process: give each edge its own EDGE_DATA_DIR`,
      );
    }
    throw err;
  }
}

/** Writes through a temporary file and a rename, so readers see the old or the new text. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, path);
}

export function writeAtomicallySync(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
}

/** The file's text, or null when it does not exist or cannot be read. */
export function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The agent id this edge registered with (made once, then kept: the upstream lists it). */
export function agentIdOf(dir: string): string {
  const path = join(dir, AGENT_ID_FILE);
  const known = readText(path)?.trim();
  if (known !== undefined && /^[\x21-\x7e]{1,128}$/.test(known)) return known;
  const id = `edge-${randomUUID()}`;
  writeAtomicallySync(path, id);
  return id;
}
