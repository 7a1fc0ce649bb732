/**
 * The process's stage, for whoever answers "should traffic come here?" (a readiness check): once a
 * shutdown has begun the process finishes what it took but should be sent nothing new.
 */
let shuttingDown = false;

/** True from the first SIGTERM/SIGINT on (main.ts). */
export const isShuttingDown = (): boolean => shuttingDown;

/** Marks the process as shutting down; returns false when it already was. */
export function beginShutdown(): boolean {
  if (shuttingDown) return false;
  shuttingDown = true;
  return true;
}

/** How long a shutdown waits for requests in flight, the group commit and the current job run before exiting anyway (code 1). */
export const SHUTDOWN_TIMEOUT_MS = 30_000;
