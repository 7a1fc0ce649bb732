// Minimal stand-in for the process lifecycle (graceful shutdown is another change): /api/ready
// answers 503 once the process has begun to shut down, so a balancer stops sending it requests.
let shuttingDown = false;

export function isShuttingDown(): boolean {
  return shuttingDown;
}

export function beginShutdown(): void {
  shuttingDown = true;
}
