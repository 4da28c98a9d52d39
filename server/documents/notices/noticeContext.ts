import type { Knex } from 'knex';
import type { CaseRow } from '../../../db/repositories/cases';
import type { CaseEventRow } from '../../../db/repositories/caseEvents';
import { findItemById, type ItemRow } from '../../../db/repositories/items';
import { findCentre, type CentreRow } from '../../../db/repositories/jurisdictions';
import { chinaDate } from '../../../workflows/calendar';
import { notFound } from '../../errors';

/** What every notice of a case draws on: the case after the transition, its event, the item, the centre, dates in China time. */
export interface NoticeFacts {
  row: CaseRow;
  event: Pick<CaseEventRow, 'seq' | 'type' | 'payload' | 'createdAt' | 'actorName' | 'opinion'>;
  item: ItemRow;
  centre: CentreRow;
  /** The event's day, YYYY-MM-DD (China). */
  on: string;
  filedOn: string;
}

/** A stored UTC time as China's wall clock, to the minute (YYYY-MM-DD HH:MM). */
export const chinaMinute = (dbTime: string) => new Date(Date.parse(`${dbTime.replace(' ', 'T')}Z`) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export const chinaDay = (dbTime: string) => chinaDate(new Date(`${dbTime.replace(' ', 'T')}Z`));

export function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export async function noticeFacts(db: Knex, row: CaseRow, event: NoticeFacts['event']): Promise<NoticeFacts> {
  const item = await findItemById(db, row.itemId);
  if (!item) throw notFound('Item version');
  const centre = await findCentre(db, row.centreCode);
  if (!centre) throw notFound('Centre');
  return { row, event, item, centre, on: chinaDay(event.createdAt), filedOn: chinaDay(row.filedAt) };
}
