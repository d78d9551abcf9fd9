// Small pieces the campaign routes share.
import { z } from 'zod';

export const jobAccepted = z.object({ jobId: z.string().uuid() });
