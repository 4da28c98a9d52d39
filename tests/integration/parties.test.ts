import { DEMO_APPLICANT_PROFILE } from '../../db/seed/users';
import { Api, buildCase, DEMO, fakeIdNumber, fakeUscc } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

/*
 * Legal persons, agents and real identity numbers (issue 9, part 2): a
 * company files through an agent with the power of attorney; ID numbers and
 * credit codes are checked by their check characters; items say which
 * applicant types they take; a clerk files at the counter and accepts in one
 * step; an applicant account's particulars fill in the form.
 */
describe('filing parties', () => {
  let srv: TestServer;
  let api: Api;
  beforeAll(async () => {
    srv = await startTestServer();
    api = new Api(srv.url);
  });
  afterAll(() => srv.close());

  const fieldsOf = (res: { body: any }) => (res.body.error.details.issues as { field: string }[]).map((i) => i.field);
  const casesWith = async (column: string, value: string) =>
    Number((await srv.ctx.db.knex('cases').where(column, value).count({ n: '*' }).first())?.n ?? 0);
  const company = (over: Record<string, unknown> = {}) => ({
    type: 'organisation',
    name: '温州市鹿城区安澜大药房有限公司',
    uscc: fakeUscc(),
    legalRepresentative: '李建华',
    phone: '057788001234',
    ...over,
  });
  const agent = () => ({ name: '王代办', idNumber: fakeIdNumber(), phone: '13900001111' });
  const LETTER = '授权委托书及受托人身份证明';

  it('files a company through an agent: the credit code and legal representative are public, the agent’s numbers masked but at the desk', async () => {
    const applicant = company();
    const a = agent();
    const filed = await api.file(buildCase({ applicant, agent: a, materials: ['申请书', '营业执照', LETTER] }));
    expect(filed.applicant).toEqual({ type: 'organisation', name: applicant.name, idNumber: null, phone: '057****1234', uscc: applicant.uscc, legalRepresentative: '李建华' });
    expect(filed.agent).toEqual({ name: '王代办', idNumber: `${a.idNumber.slice(0, 3)}${'*'.repeat(11)}${a.idNumber.slice(-4)}`, phone: '139****1111' });

    const supervisor = await api.as('supervisor.city', 'GET', `/api/cases/${filed.caseNo}`);
    expect(supervisor.body.applicant.uscc).toBe(applicant.uscc);
    expect(supervisor.body.agent.idNumber).not.toBe(a.idNumber);
    const desk = await api.as('clerk.village', 'GET', `/api/cases/${filed.caseNo}`);
    expect(desk.body.agent).toEqual(a);
    expect(desk.body.applicant.phone).toBe(applicant.phone);

    const row = await srv.ctx.db.knex('cases').where({ case_no: filed.caseNo }).first();
    expect(row).toMatchObject({ applicant_type: 'organisation', applicant_uscc: applicant.uscc, applicant_legal_rep: '李建华', agent_name: '王代办', agent_id_number: a.idNumber, agent_phone: a.phone });
  });

  it('refuses an agent’s filing without the 授权委托书, naming the materials', async () => {
    const a = agent();
    const res = await api.request('POST', '/api/cases', { body: buildCase({ applicant: company(), agent: a, materials: ['申请书', '营业执照'] }) });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['materials']);
    expect(res.body.error.message).toContain('授权委托书');
    expect(res.body.error.details.issues[0].missing).toBe(LETTER);
    expect(await casesWith('agent_id_number', a.idNumber)).toBe(0);
  });

  it('answers 422 VALIDATION_FAILED naming applicant.uscc for a wrong check character', async () => {
    const good = fakeUscc();
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await api.request('POST', '/api/cases', { body: buildCase({ applicant: company({ uscc: wrong }) }) });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['applicant.uscc']);
    expect(await casesWith('applicant_uscc', wrong)).toBe(0);
    // The published example is a valid code; lower case is taken and stored upper case.
    const ok = await api.file(buildCase({ applicant: company({ uscc: good.toLowerCase() }) }));
    expect(ok.applicant.uscc).toBe(good);
  });

  it('answers 422 naming applicant.idNumber or agent.idNumber for a wrong check character or birth date', async () => {
    const wrongCheck = await api.request('POST', '/api/cases', { body: buildCase({ applicant: { name: '张三', idNumber: '33030219900101123X', phone: '13812345678' } }) });
    expect(wrongCheck.status).toBe(422);
    expect(fieldsOf(wrongCheck)).toEqual(['applicant.idNumber']);
    expect(wrongCheck.body.error.message).toContain('applicant.idNumber');
    // 1990-02-30 does not exist, even with a check character computed for it.
    const noSuchDay = await api.request('POST', '/api/cases', { body: buildCase({ applicant: { name: '张三', idNumber: '330302199002301234', phone: '13812345678' } }) });
    expect(fieldsOf(noSuchDay)).toEqual(['applicant.idNumber']);
    const badAgent = await api.request('POST', '/api/cases', {
      body: buildCase({ applicant: company(), agent: { name: '王代办', idNumber: '330302199001011237', phone: '13900001111' }, materials: [LETTER] }),
    });
    expect(badAgent.status).toBe(422);
    expect(fieldsOf(badAgent)).toEqual(['agent.idNumber']);
    // The README's example now checks.
    expect((await api.file(buildCase({ applicant: { name: '张三', idNumber: '330302199001011235', phone: '13812345678' } }))).applicant.type).toBe('person');
  });

  it('asks an organisation for its credit code and legal representative, and a person for an ID number', async () => {
    const org = await api.request('POST', '/api/cases', { body: buildCase({ applicant: { type: 'organisation', name: '某公司', phone: '057788001234' } }) });
    expect(org.status).toBe(422);
    expect(fieldsOf(org).sort()).toEqual(['applicant.legalRepresentative', 'applicant.uscc']);
    const person = await api.request('POST', '/api/cases', { body: buildCase({ applicant: { type: 'person', name: '张三', phone: '13812345678' } }) });
    expect(fieldsOf(person)).toEqual(['applicant.idNumber']);
  });

  it('refuses an applicant type the item does not take, with its own code, and says which it takes', async () => {
    const personal = await api.request('GET', `/api/items/${DEMO.provinceItemCode}`);
    expect(personal.body.applicantTypes).toEqual(['person']);
    const byCompany = await api.request('POST', '/api/cases', { body: buildCase({ itemCode: DEMO.provinceItemCode, centreCode: DEMO.townCode, applicant: company() }) });
    expect(byCompany.status).toBe(422);
    expect(byCompany.body.error).toMatchObject({ code: 'APPLICANT_TYPE_NOT_ACCEPTED', details: { field: 'applicant.type', applicantType: 'organisation', accepted: ['person'] } });

    const companiesOnly = '330300-XK-0142'; // 特殊食品生产许可（保健食品·新办）
    expect((await api.request('GET', `/api/items/${companiesOnly}`)).body.applicantTypes).toEqual(['organisation']);
    const byPerson = await api.request('POST', '/api/cases', { body: buildCase({ itemCode: companiesOnly, centreCode: DEMO.provinceCode }) });
    expect(byPerson.status).toBe(422);
    expect(byPerson.body.error).toMatchObject({ code: 'APPLICANT_TYPE_NOT_ACCEPTED', details: { accepted: ['organisation'] } });
    expect((await api.request('GET', `/api/items/${DEMO.cityItemCode}`)).body.applicantTypes).toEqual(['person', 'organisation']);
  });

  it('files and accepts in one step at the counter: two events, both the clerk’s', async () => {
    const applicant = { name: '窗口申请人', idNumber: fakeIdNumber(), phone: '13811112222' };
    const res = await api.as('clerk.village', 'POST', '/api/cases', buildCase({ applicant, acceptNow: true }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'review', version: 2, lastSeq: 2, queryCode: expect.any(String) });
    expect(res.body.acceptedAt).toBeTruthy();
    const events = await api.as('clerk.village', 'GET', `/api/cases/${res.body.caseNo}/events`);
    expect(events.body.events.map((e: any) => [e.seq, e.type, e.actor.role])).toEqual([
      [1, 'SUBMIT', 'clerk'],
      [2, 'ACCEPT', 'clerk'],
    ]);
    expect(events.body.events[1].opinion).toContain('窗口收件');
    // The applicant follows it with the query code like any other.
    const tracked = await api.request('GET', `/api/cases/${res.body.caseNo}`, { headers: { 'x-query-code': res.body.queryCode } });
    expect(tracked.body.state).toBe('review');
  });

  it('lets only a clerk of that centre accept at filing', async () => {
    for (const who of [undefined, 'applicant', 'clerk.town']) {
      const idNumber = fakeIdNumber();
      const body = buildCase({ applicant: { name: '越权', idNumber, phone: '13811112222' }, acceptNow: true });
      const res = who ? await api.as(who, 'POST', '/api/cases', body) : await api.request('POST', '/api/cases', { body });
      expect({ who, status: res.status, code: res.body.error.code }).toEqual({ who, status: 403, code: 'FORBIDDEN' });
      expect(await casesWith('applicant_id_number', idNumber)).toBe(0);
    }
  });

  it('gives an applicant account its own particulars to fill in the form, and staff none', async () => {
    const me = await api.as('applicant', 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.profile).toEqual({ idNumber: DEMO_APPLICANT_PROFILE.idNumber, phone: DEMO_APPLICANT_PROFILE.phone });
    expect(me.body.user.username).toBe('applicant');
    const clerk = await api.as('clerk.village', 'GET', '/api/auth/me');
    expect(clerk.body.profile).toBeUndefined();
  });

  it('checks an account’s ID number as a filing’s, and the account holder gets what the administrator set', async () => {
    const username = `party.${process.pid}.${Date.now()}`;
    const base = { username, displayName: '林申请', password: 'party-1234', role: 'applicant', jurisdictionCode: DEMO.countyCode, phone: '13955556666' };
    const wrong = await api.as('admin', 'POST', '/api/users', { ...base, idNumber: '330302199001011237' });
    expect(wrong.status).toBe(422);
    expect(fieldsOf(wrong)).toEqual(['idNumber']);
    const idNumber = fakeIdNumber();
    const made = await api.as('admin', 'POST', '/api/users', { ...base, idNumber });
    expect(made.status).toBe(201);
    const patchWrong = await api.as('admin', 'PATCH', `/api/users/${made.body.id}`, { idNumber: '33030219900101123X' });
    expect(fieldsOf(patchWrong)).toEqual(['idNumber']);
    const login = await api.request('POST', '/api/auth/login', { body: { username, password: 'party-1234' } });
    const me = await api.request('GET', '/api/auth/me', { token: login.body.token });
    expect(me.body.profile).toEqual({ idNumber, phone: '13955556666' });
  });
});
