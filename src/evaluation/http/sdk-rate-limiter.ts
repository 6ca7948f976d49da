import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

// Per-secret fixed-window limit for the SDK REST endpoints (SDK_RATE_LIMIT_PER_MINUTE, 0 = off).
// Counted only for secrets that exist, so unknown secrets cannot grow the table.

const WINDOW_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

@Injectable()
export class SdkRateLimiter {
  private readonly limit: number;
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(config: AppConfig) {
    this.limit = config.evaluation.sdkRateLimitPerMinute;
  }

  get enabled(): boolean {
    return this.limit > 0;
  }

  hit(key: string, now = Date.now()): RateDecision {
    if (this.limit <= 0) return { ok: true };
    let window = this.windows.get(key);
    if (window === undefined || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (++window.count <= this.limit) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)) };
  }

  sweep(now = Date.now()): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= WINDOW_MS) this.windows.delete(key);
    }
  }
}
