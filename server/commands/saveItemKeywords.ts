import { dbTime } from '../../db/connection';
import { findCurrentItem, insertItemVersions, type ItemRow } from '../../db/repositories/items';
import type { AppContext } from '../context';
import { notFound } from '../errors';

export interface SaveItemKeywordsProps {
  code: string;
  /** The whole new list, already trimmed and checked by the schema. */
  keywords: string[];
  by: string;
}

/**
 * Sets an item's everyday words. Like every change of the catalogue it writes
 * a new version of the item (a version never changes once written: running
 * cases keep theirs, and versions are cached by id), copied from the current
 * one with the new words; the search finds them at once.
 */
export async function saveItemKeywords(ctx: AppContext, props: SaveItemKeywordsProps): Promise<ItemRow> {
  const keywords = [...new Set(props.keywords)];
  const item = await ctx.db.knex.transaction(async (trx) => {
    const current = await findCurrentItem(trx, props.code);
    if (!current) throw notFound('Item');
    const { id: _id, ...version } = current;
    await insertItemVersions(trx, [{ ...version, keywords }], dbTime(ctx.now()));
    return findCurrentItem(trx, props.code);
  });
  ctx.log.info({ itemCode: props.code, version: item!.version, by: props.by }, 'item keywords changed');
  return item!;
}
