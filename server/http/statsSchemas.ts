import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

// The supervisor dashboard's query; it also feeds /api/openapi.json.

/** Longest window the dashboard counts back over, in calendar days. */
export const MAX_DASHBOARD_DAYS = 90;

export const DashboardQuery = z
  .object({
    scope: z
      .string()
      .regex(/^\d{12}$/, 'a 12-digit area code')
      .optional()
      .openapi({ description: 'jurisdiction to show (default: the caller’s own); must be within the caller’s' }),
    days: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_DASHBOARD_DAYS)
      .default(30)
      .openapi({ description: 'calendar days (China time) counted back from today, today included' }),
  })
  .strict();
