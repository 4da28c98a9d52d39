/**
 * The year, cloned from template cases (templates.ts) in the engine's own row
 * shapes: each clone gets its own number, applicant (with keyed search hashes)
 * and filing time, and its template's whole history shifted to that time.
 */
import type { Knex } from 'knex';
import { insertNameGrams } from '../../db/repositories/nameGrams';
import { dbTime, fromDbTime } from '../../db/connection';
import { searchHashColumns } from '../../server/search/searchHash';
import { addCalendarDays, chinaDate, type WorkCalendar } from '../../workflows/calendar';
import type { Template } from './templates';

const TIME_COLUMNS = ['filed_at', 'accepted_at', 'decided_at', 'closed_at', 'updated_at', 'next_due_at'];
const DATE_COLUMNS = ['clock_started_on', 'deadline_on', 'yellow_on', 'clock_paused_since', 'promise_started_on', 'promise_paused_since', 'promise_due_on', 'promise_yellow_on', 'urge_reply_by'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红文斌辉玉萍鑫波宇浩凯健俊帆帅旭宁';

const shiftTime = (v: string | null, ms: number) => (v ? dbTime(new Date(fromDbTime(v).getTime() + ms)) : v);
const shiftDate = (v: string | null, days: number) => (v ? addCalendarDays(v, days) : v);

/** A deterministic pseudo-random stream (the same year every run). */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Filing instants over the year's working days, with the morning peak a service hall sees. */
export function filingTimes(count: number, year: number, cal: WorkCalendar, rand: () => number): Date[] {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) if (cal.isWorkingDay(d)) days.push(d);
  // Hours 9–17 China time, weighted to the morning.
  const hours = [9, 9, 9, 10, 10, 10, 10, 11, 11, 14, 14, 15, 15, 16, 17];
  const out: Date[] = [];
  for (let i = 0; i < count; i++) {
    const day = days[Math.floor(rand() * days.length)]!;
    const h = hours[Math.floor(rand() * hours.length)]!;
    out.push(new Date(`${day}T${String(h).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00+08:00`));
  }
  return out.sort((a, b) => a.getTime() - b.getTime());
}

interface Source {
  row: Record<string, unknown>;
  events: Record<string, unknown>[];
  filedMs: number;
  template: Template;
}

export async function loadSources(knex: Knex, templates: Template[]): Promise<Source[]> {
  const out: Source[] = [];
  for (const t of templates) {
    const row = await knex('cases').where({ id: t.caseId }).first();
    const events = await knex('case_events').where({ case_id: t.caseId }).orderBy('seq');
    out.push({ row, events, filedMs: fromDbTime(String(row.filed_at)).getTime(), template: t });
  }
  return out;
}

/**
 * Inserts `times.length` clones, in batches: a clone filed in the last
 * `openDays` days before `end` copies an open template, others a finished one.
 */
export async function insertClones(knex: Knex, p: { sources: Source[]; times: Date[]; firstId: number; end: Date; openDays: number; searchKey: string; rand: () => number }): Promise<void> {
  const open = p.sources.filter((s) => s.template.open);
  const done = p.sources.filter((s) => !s.template.open);
  const cutoff = p.end.getTime() - p.openDays * 86_400_000;
  const BATCH = 400;
  for (let start = 0; start < p.times.length; start += BATCH) {
    const cases: Record<string, unknown>[] = [];
    const events: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(p.times.length, start + BATCH); i++) {
      const at = p.times[i]!;
      const pool = at.getTime() > cutoff && open.length && p.rand() < 0.7 ? open : done;
      const src = pool[Math.floor(p.rand() * pool.length)]!;
      const ms = at.getTime() - src.filedMs;
      const days = Math.round(ms / 86_400_000);
      const id = p.firstId + i;
      const name = SURNAMES[Math.floor(p.rand() * SURNAMES.length)]! + GIVEN[Math.floor(p.rand() * GIVEN.length)]! + (p.rand() < 0.5 ? GIVEN[Math.floor(p.rand() * GIVEN.length)]! : '');
      const phone = `13${String(100000000 + id).slice(-9)}`;
      const idNumber = `3303${String(id).padStart(13, '0')}X`;
      const row: Record<string, unknown> = { ...src.row, id, case_no: `${chinaDate(at).replace(/-/g, '')}-${String(id).padStart(6, '0')}`, applicant_name: name, applicant_phone: phone, applicant_id_number: idNumber, timer_claimed_by: null, timer_claimed_at: null };
      for (const c of TIME_COLUMNS) row[c] = shiftTime(row[c] as string | null, ms);
      for (const c of DATE_COLUMNS) if (c in row) row[c] = shiftDate(row[c] as string | null, days);
      const hashes = searchHashColumns(p.searchKey, { applicant: { idNumber, phone, uscc: null }, agent: undefined });
      Object.assign(row, { search_id_hash: hashes.searchIdHash, search_phone_hash: hashes.searchPhoneHash, search_uscc_hash: null, search_agent_id_hash: null, search_agent_phone_hash: null, search_hashed: true });
      // Timers of a finished case are none; an open clone keeps its template's plan, shifted.
      if (row.timers) row.timers = JSON.stringify((JSON.parse(String(row.timers)) as { kind: string; dueAt: string }[]).map((t) => ({ ...t, dueAt: shiftTime(t.dueAt, ms) })));
      cases.push(row);
      for (const e of src.events) {
        const { id: _id, ...rest } = e;
        events.push({ ...rest, case_id: id, created_at: shiftTime(e.created_at as string, ms), unpublished: null, fanout: null });
      }
    }
    await knex.batchInsert('cases', cases, 100);
    await insertNameGrams(knex, cases.map((c) => ({ caseId: Number(c.id), names: [c.applicant_name as string, c.applicant_legal_rep as string | null] })));
    await knex.batchInsert('case_events', events, 200);
  }
}
