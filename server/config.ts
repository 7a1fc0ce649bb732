import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SHOUHU_ADMIN_PASSWORD: z.string().optional(),
  SHOUHU_DEMO: z.enum(['on', 'off']).default('on'),
  SHOUHU_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Public submissions and uploads allowed per client per minute (keyed by a hash of the address).
  SHOUHU_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  // Uploads waiting for the report that names them (removed after 2 hours): in all, and per client.
  SHOUHU_UPLOADS_PENDING_MB: z.coerce.number().int().min(1).default(2048),
  SHOUHU_UPLOADS_PENDING_PER_CLIENT_MB: z.coerce.number().int().min(1).default(200),
  // Free space under DATA_DIR kept for the database: below it uploads are refused and health degrades.
  SHOUHU_DISK_RESERVE_MB: z.coerce.number().int().min(0).default(1024),
  SHOUHU_JOBS: z.enum(['on', 'off']).default('on'),
  // The reverse proxies whose X-Forwarded-For is believed: a hop count, or addresses/CIDRs/names
  // (loopback, linklocal, uniquelocal) separated by commas. Unset: the connection's own address.
  TRUST_PROXY: z
    .string()
    .regex(/^(\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, 'a hop count, or addresses/CIDRs separated by commas')
    .transform((v) => (/^\d+$/.test(v) ? Number(v) : v.split(',').map((s) => s.trim())))
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema>;

/** Parses the environment once; on any problem, prints them all and exits. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    console.error(`Invalid environment:\n${lines.join('\n')}`);
    process.exit(1);
  }
  return parsed.data;
}
