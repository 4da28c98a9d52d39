import { buildCatalogue } from '../../db/seed/catalogue';
import { buildPowerRows } from '../../db/seed/powers';
import { share } from '../../db/seed/powers/plan';
import { cutPercent, formatPowerCode, parsePowerCode, powerTypeOfItemType } from '../../workflows/powerTypes';

/*
 * The power-list seed (db/seed/powers/) as rows: the report's figures are
 * what the rows count to (the API counts them again from the database:
 * tests/integration/powers.test.ts), every catalogue item of a power type is
 * linked to a kept city entry, and the build is deterministic.
 */
const catalogue = buildCatalogue();
const rows = buildPowerRows(catalogue);
const validIn = (listId: number, seq: number) => rows.entries.filter((e) => e.list_id === listId && e.from_seq <= seq && (e.to_seq === null || e.to_seq > seq));
const county = rows.lists.filter((l) => l.level === 'county');

describe('power list seed', () => {
  it('shares a total out exactly', () => {
    expect(share(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('holds 12,723 city powers of 55 departments in the 2014 review', () => {
    const v1 = validIn(1, 1);
    expect([v1.length, new Set(v1.map((e) => e.body_id)).size]).toEqual([12_723, 55]);
  });

  it('publishes 4,168 city powers of 44 departments, 67.2 % fewer', () => {
    const v2 = validIn(1, 2);
    expect([v2.length, new Set(v2.map((e) => e.body_id)).size, cutPercent(12_723, v2.length)]).toEqual([4_168, 44, 67.2]);
  });

  it('records a change with reason and basis for every city entry that left or came', () => {
    const moved = rows.entries.filter((e) => e.list_id === 1 && (e.to_seq === 2 || e.from_seq === 2));
    const changes = new Map(rows.changes.map((c) => [c.id, c]));
    expect(moved.every((e) => { const c = changes.get((e.to_seq === 2 ? e.end_change_id : e.start_change_id)!); return !!c && c.reason.length > 0 && c.basis.length > 0; })).toBe(true);
  });

  it('holds the counties’ 86,531 reviewed and 43,197 published powers across the 11 counties of 2014', () => {
    const reviewed = county.reduce((n, l) => n + validIn(l.id, 1).length, 0);
    const published = county.reduce((n, l) => n + validIn(l.id, 2).length, 0);
    expect([county.length, reviewed, published]).toEqual([11, 86_531, 43_197]);
  });

  it('links every catalogue item of a power type to a kept city entry, and no 公共服务 item', () => {
    const linked = new Map(rows.itemPowers.map((l) => [l.item_code, l.entry_id]));
    const kept = new Set(validIn(1, 2).map((e) => e.id));
    const powerItems = catalogue.filter((i) => powerTypeOfItemType(i.type) !== null);
    expect(powerItems.every((i) => kept.has(linked.get(i.code)!))).toBe(true);
    expect(catalogue.filter((i) => i.type === '公共服务').some((i) => linked.has(i.code))).toBe(false);
  });

  it('builds the same rows on every call', () => {
    const again = buildPowerRows(catalogue);
    expect([again.entries.length, again.names.size, again.changes.length, JSON.stringify(again.entries.slice(-3))]).toEqual([rows.entries.length, rows.names.size, rows.changes.length, JSON.stringify(rows.entries.slice(-3))]);
  });

  it('reads back a power code it formats', () => {
    expect(parsePowerCode(formatPowerCode('330300', '行政处罚', 12))).toEqual({ area6: '330300', typeCode: '02', serial: 12 });
  });
});
