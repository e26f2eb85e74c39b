import { z } from 'zod';

export const runSourceInput = z.object({ source: z.enum(['api', 'meta-kaggle']).default('api') });
