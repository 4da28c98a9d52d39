import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';

extendZodWithOpenApi(z);

/** The supervisor's project board (docs/project-clocks.md). */
export const ProjectBoardQuery = z
  .object({
    stage: z.coerce.number().int().min(1).max(4).optional().openapi({ description: 'the stage the project is in (1–4)' }),
    light: z.enum(['green', 'yellow', 'red']).optional().openapi({ description: 'the project’s light (the worse of its two clocks)' }),
    state: z.enum(['open', 'all']).default('open').openapi({ description: 'open (default): projects not completed or cancelled; all: every project' }),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const ProjectCodeParam = z.string().max(64).openapi({ description: 'the 24-character project code YYYY-AAAAAA-II-TT-NNNNNN' });
