import { z } from 'zod';

/** A stored upload, not yet attached: its id goes into a submission's attachmentIds. */
export const Upload = z.object({ id: z.uuid(), mime: z.string(), size: z.number() });
export type Upload = z.output<typeof Upload>;
