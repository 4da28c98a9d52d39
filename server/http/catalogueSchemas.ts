import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

/** One everyday word or synonym: no '|' (the store's separator) and no line breaks. */
export const keyword = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[^|\r\n]+$/, 'a word without | or line breaks');

export const ItemKeywordsBody = z
  .object({ keywords: z.array(keyword).max(40).openapi({ description: 'the whole new list of everyday words and synonyms, e.g. ["开饭店", "餐馆"]' }) })
  .strict()
  .openapi('ItemKeywordsBody');

export const ItemCodeParam = z.string().min(1).max(32);
