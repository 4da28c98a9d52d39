import { buildDeed, deedPath, TANGXIA } from '../helpers/delegationsFactories';
import { useTestServer } from '../helpers/testServer';

/* The published deeds (public) and the administrator's record and revocation of them. */
describe('delegation deeds', () => {
  const api = useTestServer();

  it('lists the seeded deeds of the six pilot towns, paginated with the total', async () => {
    const all = await api.request('GET', '/api/delegations?pageSize=100');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(all.body.deeds.length);
    expect(new Set(all.body.deeds.map((d: any) => d.town.name))).toEqual(new Set(['龙港镇', '鳌江镇', '塘下镇', '柳市镇', '大峃镇', '罗阳镇']));
    const page = await api.request('GET', '/api/delegations?pageSize=2&page=2');
    expect(page.body).toMatchObject({ total: all.body.total, page: 2, pageSize: 2 });
    expect(page.body.deeds.map((d: any) => d.deedNo)).toEqual(all.body.deeds.slice(2, 4).map((d: any) => d.deedNo));
  });

  it('filters by town, department and standing: 龙港镇’s deed is the expired historical one', async () => {
    const tangxia = await api.request('GET', `/api/delegations?town=${TANGXIA.townCode}`);
    expect(tangxia.body.deeds.map((d: any) => d.deedNo)).toEqual([TANGXIA.deedNo]);
    expect(tangxia.body.deeds[0]).toMatchObject({ delegatingBody: '瑞安市市场监督管理局', town: { name: '塘下镇' }, scope: ['accept', 'review', 'decide'], standing: 'in_force' });
    expect(tangxia.body.deeds[0].items[0]).toEqual({ code: TANGXIA.itemCode, name: '食品经营许可（食品销售·新办）' });
    const expired = await api.request('GET', '/api/delegations?state=expired');
    expect(expired.body.deeds.map((d: any) => d.town.name)).toEqual(['龙港镇']);
    const housing = await api.request('GET', '/api/delegations?department=housing');
    expect(housing.body.deeds.every((d: any) => d.department.code === 'housing')).toBe(true);
    expect(housing.body.total).toBe(2);
    expect((await api.request('GET', '/api/delegations?state=bogus')).status).toBe(400);
  });

  it('answers each town’s deeds and items in force, counted from the deeds', async () => {
    const res = await api.request('GET', '/api/delegations/towns');
    const all = (await api.request('GET', '/api/delegations?pageSize=100&state=in_force')).body.deeds;
    const tangxia = res.body.towns.find((t: any) => t.code === TANGXIA.townCode);
    const mine = all.filter((d: any) => d.town.code === TANGXIA.townCode);
    expect(tangxia).toMatchObject({ name: '塘下镇', countyName: '瑞安市', deedsInForce: mine.length, itemsInForce: new Set(mine.flatMap((d: any) => d.items.map((i: any) => i.code))).size });
    expect(res.body.towns.find((t: any) => t.name === '龙港镇')).toMatchObject({ deedsInForce: 0, itemsInForce: 0, until: '2019-08-15' });
  });

  it('is recorded by an administrator and then found by number', async () => {
    const body = buildDeed();
    const res = await api.as('admin', 'POST', '/api/delegations', body);
    expect(res.status).toBe(201);
    expect(res.body.deed).toMatchObject({ deedNo: body.deedNo, title: '瑞安市市场监督管理局赋权塘下镇人民政府委托书', standing: 'in_force', version: 1 });
    const one = await api.request('GET', deedPath(body.deedNo));
    expect(one.body.deed.items).toEqual([{ code: '330300-XK-0002', name: '食品经营许可（餐饮服务·新办）' }]);
    const again = await api.as('admin', 'POST', '/api/delegations', body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DELEGATION_EXISTS');
  });

  it('refuses a deed of items that are not the department’s, or with nothing to delegate', async () => {
    const res = await api.as('admin', 'POST', '/api/delegations', buildDeed({ itemCodes: ['330300-XK-0168', '330300-XX-9999'] }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('DELEGATION_INVALID');
    expect(res.body.error.details.problems).toHaveLength(3);
  });

  it('refuses a town that is not a pilot town (422) and anyone but an administrator (403)', async () => {
    expect((await api.as('admin', 'POST', '/api/delegations', buildDeed({ townCode: '330381001000' }))).body.error.code).toBe('VALIDATION_FAILED');
    const clerk = await api.as('clerk.county', 'POST', '/api/delegations', buildDeed());
    expect(clerk.status).toBe(403);
    expect((await api.request('POST', '/api/delegations', { body: buildDeed() })).status).toBe(401);
  });

  it('is revoked once, from today or later, with a reason', async () => {
    const body = buildDeed();
    await api.as('admin', 'POST', '/api/delegations', body);
    const today = (await api.request('GET', '/api/delegations')).body.today;
    const past = await api.as('admin', 'POST', `${deedPath(body.deedNo)}/revoke`, { reason: '调整', revokedOn: '2020-01-01' });
    expect(past.status).toBe(422);
    expect(past.body.error.code).toBe('DELEGATION_INVALID');
    const ok = await api.as('admin', 'POST', `${deedPath(body.deedNo)}/revoke`, { reason: '调整', revokedOn: today, expectedVersion: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.deed).toMatchObject({ standing: 'revoked', version: 2 });
    const twice = await api.as('admin', 'POST', `${deedPath(body.deedNo)}/revoke`, { reason: '再次', revokedOn: today });
    expect(twice.status).toBe(409);
    const missing = await api.as('admin', 'POST', `${deedPath('无此文号')}/revoke`, { reason: '调整', revokedOn: today });
    expect(missing.body.error.code).toBe('DELEGATION_NOT_FOUND');
  });
});
