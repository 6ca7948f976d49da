import { Injectable } from '@nestjs/common';
import { FlagCache } from '../../core/ports/flag-cache.port';
import { DataStore } from '../../core/ports/data-store.port';
import { envIdFromSecret } from '../../core/tenancy/secret-format';
import type { SecretContext } from '../../core/tenancy/tenancy';

// Environment secrets are looked up for real (FeatBit's HTTP endpoints only check the format):
// the cache first, then the database. Answers are kept in-process so that connection storms cost
// one lookup. A secret once found stays valid until a removal message says otherwise or a re-check
// *succeeds* with "not found": re-checks run in the background and a store error keeps the answer,
// so SDKs go on being served through a database or cache outage.

const RECHECK_MS = 5_000;
const MISSING_TTL_MS = 2_000;
/** A found secret nobody used for this long is forgotten (its environment is dropped too). */
const IDLE_MS = 10 * 60_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  context: SecretContext | null;
  /** Found: re-checked after this. Missing: forgotten after this. */
  checkAfter: number;
  lastUsed: number;
}

@Injectable()
export class SecretResolver {
  private readonly answers = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<SecretContext | null>>();

  constructor(
    private readonly store: DataStore,
    private readonly cache: FlagCache,
  ) {}

  /** The known answer for a secret, or undefined when it must be looked up. */
  cached(secret: string, now = Date.now()): SecretContext | null | undefined {
    const entry = this.answers.get(secret);
    if (entry === undefined) return undefined;
    if (entry.context === null) {
      if (entry.checkAfter > now) return null;
      this.answers.delete(secret);
      return undefined;
    }
    entry.lastUsed = now;
    if (entry.checkAfter <= now && !this.inFlight.has(secret)) this.recheck(secret, entry);
    return entry.context;
  }

  /**
   * The secret's context, or null when it is malformed or unknown. Throws when neither the cache
   * nor the database can answer for a secret not seen before (the caller reports "unavailable").
   */
  async resolve(secret: string): Promise<SecretContext | null> {
    if (typeof secret !== 'string' || envIdFromSecret(secret) === null) return null;
    const known = this.cached(secret);
    if (known !== undefined) return known;
    return this.singleFlight(secret);
  }

  /** The environments were deleted: their secrets are refused from now on. */
  forgetEnvironments(envIds: readonly string[], now = Date.now()): void {
    const gone = new Set(envIds);
    for (const [secret, entry] of this.answers) {
      if (entry.context !== null && gone.has(entry.context.envId)) {
        this.answers.set(secret, { context: null, checkAfter: now + MISSING_TTL_MS, lastUsed: now });
      }
    }
  }

  /** Drops expired "not found" answers and idle secrets (called by the sweeper). */
  sweep(now = Date.now()): void {
    for (const [secret, entry] of this.answers) {
      const expired = entry.context === null ? entry.checkAfter <= now : now - entry.lastUsed > IDLE_MS;
      if (expired) this.answers.delete(secret);
    }
  }

  private singleFlight(secret: string): Promise<SecretContext | null> {
    let pending = this.inFlight.get(secret);
    if (pending === undefined) {
      pending = this.lookUp(secret).finally(() => this.inFlight.delete(secret));
      this.inFlight.set(secret, pending);
    }
    return pending;
  }

  /** Re-checks a found secret in the background; a failed check keeps it and retries later. */
  private recheck(secret: string, entry: Entry): void {
    this.singleFlight(secret).catch(() => {
      if (this.answers.get(secret) === entry) entry.checkAfter = Date.now() + RECHECK_MS;
    });
  }

  private async lookUp(secret: string): Promise<SecretContext | null> {
    let context: SecretContext | null = null;
    if (this.cache.enabled) {
      try {
        context = await this.cache.getSecret(secret);
      } catch {
        context = null; // the cache cannot answer: ask the database
      }
    }
    context ??= await this.store.environments.findSecretContext(secret);
    if (!this.answers.has(secret) && this.answers.size >= MAX_ENTRIES) {
      // Oldest first (insertion order); a flood of unknown secrets cannot grow memory.
      const oldest = this.answers.keys().next();
      if (!oldest.done) this.answers.delete(oldest.value);
    }
    const now = Date.now();
    this.answers.set(secret, {
      context,
      checkAfter: now + (context === null ? MISSING_TTL_MS : RECHECK_MS),
      lastUsed: now,
    });
    return context;
  }
}
