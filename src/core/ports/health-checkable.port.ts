export interface HealthStatus {
  ok: boolean;
  /** Why it is not ok (never contains credentials). */
  detail?: string;
}

/** Anything that can report whether its backing service is reachable. */
export interface HealthCheckable {
  readonly healthName: string;
  health(): Promise<HealthStatus>;
}
