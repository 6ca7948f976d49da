import { Injectable } from '@nestjs/common';
import { FlagCache } from '../../core/ports/cache.port';
import { DataStore } from '../../core/ports/data-store.port';
import { envIdFromSecret } from '../../core/tenancy/secret-format';
import type { SecretContext } from '../../core/tenancy/tenancy';

// Environment secrets are looked up for real (FeatBit's HTTP endpoints only check the format):
// the cache first, then the database. Answers are kept in-process briefly so that connection storms
// cost one lookup, while a removed secret stops working within seconds.

const FOUND_TTL_MS = 5_000;
const MISSING_TTL_MS = 2_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  context: SecretContext | null;
  expiresAt: number;
}

@Injectable()
export class SecretResolver {
  private readonly answers = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<SecretContext | null>>();

  constructor(
    private readonly store: DataStore,
    private readonly cache: FlagCache,
  ) {}

  /** The recent answer for a secret, or undefined when it must be looked up. */
  cached(secret: string, now = Date.now()): SecretContext | null | undefined {
    const entry = this.answers.get(secret);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now) {
      this.answers.delete(secret);
      return undefined;
    }
    return entry.context;
  }

  /**
   * The secret's context, or null when it is malformed or unknown. Throws when neither the cache
   * nor the database can answer (the caller reports "unavailable").
   */
  async resolve(secret: string): Promise<SecretContext | null> {
    if (typeof secret !== 'string' || envIdFromSecret(secret) === null) return null;
    const known = this.cached(secret);
    if (known !== undefined) return known;
    let pending = this.inFlight.get(secret);
    if (pending === undefined) {
      pending = this.lookUp(secret).finally(() => this.inFlight.delete(secret));
      this.inFlight.set(secret, pending);
    }
    return pending;
  }

  /** Drops expired answers (called by the sweeper). */
  sweep(now = Date.now()): void {
    for (const [secret, entry] of this.answers) {
      if (entry.expiresAt <= now) this.answers.delete(secret);
    }
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
    if (this.answers.size >= MAX_ENTRIES) {
      // Oldest first (insertion order); a flood of unknown secrets cannot grow memory.
      const oldest = this.answers.keys().next();
      if (!oldest.done) this.answers.delete(oldest.value);
    }
    this.answers.set(secret, {
      context,
      expiresAt: Date.now() + (context === null ? MISSING_TTL_MS : FOUND_TTL_MS),
    });
    return context;
  }
}
