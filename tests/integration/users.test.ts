import { DEMO } from '../helpers/api';
import { useTestServer } from '../helpers/testServer';

/*
 * The administrator's accounts: GET/POST /api/users and PATCH /api/users/:id.
 * Usernames carry a per-run suffix: on MariaDB every test file shares one database.
 */

const RUN = Math.random().toString(36).slice(2, 8);
const PASSWORD = 'secret-pass-1';

describe('user management', () => {
  const api = useTestServer();

  const create = (body: Record<string, unknown>) => api.as('admin', 'POST', '/api/users', body);
  const login = (username: string, password = PASSWORD) => api.request('POST', '/api/auth/login', { body: { username, password } });
  const reviewer = (name: string, extra: Record<string, unknown> = {}) => ({
    username: `${name}.${RUN}`,
    displayName: '测试审查员',
    password: PASSWORD,
    role: 'reviewer',
    jurisdictionCode: DEMO.countyCode,
    department: DEMO.department,
    ...extra,
  });

  it('lists accounts by page, search and role, without password hashes', async () => {
    const res = await api.as('admin', 'GET', '/api/users?role=reviewer&pageSize=5');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 5 });
    expect(res.body.total).toBeGreaterThan(5);
    expect(res.body.users).toHaveLength(5);
    expect(res.body.users.every((u: any) => u.role === 'reviewer' && u.active === true)).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/password|\$2[aby]\$/i);
    const found = await api.as('admin', 'GET', `/api/users?q=${encodeURIComponent('clerk.vill')}`);
    expect(found.body.users.map((u: any) => u.username)).toEqual(['clerk.village']);
    expect(found.body.users[0]).toMatchObject({ role: 'clerk', level: 'village', jurisdictionCode: DEMO.villageCode, department: null });
    expect((await api.as('admin', 'GET', '/api/users?role=system')).status).toBe(400);
  });

  it('creates a reviewer who can log in and open their queue', async () => {
    const res = await create(reviewer('rev'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: `rev.${RUN}`, role: 'reviewer', level: 'county', department: DEMO.department, active: true });
    expect(res.body.passwordHash).toBeUndefined();
    const session = await login(`rev.${RUN}`);
    expect(session.status).toBe(200);
    const queue = await api.request('GET', '/api/queue', { token: session.body.token });
    expect(queue.status).toBe(200);
    expect(Array.isArray(queue.body.cases)).toBe(true);
  });

  it('derives the level from the jurisdiction and drops a department for other roles', async () => {
    const res = await create({ username: `Clerk.${RUN}`, displayName: '村窗口', password: PASSWORD, role: 'clerk', jurisdictionCode: DEMO.villageCode, department: 'market' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: `clerk.${RUN}`, level: 'village', department: null });
  });

  it('refuses a taken username with 409 USERNAME_TAKEN', async () => {
    const res = await create(reviewer('rev'));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('USERNAME_TAKEN');
    expect((await create({ ...reviewer('x'), username: 'ADMIN' })).body.error.code).toBe('USERNAME_TAKEN');
  });

  it('names the field that is wrong', async () => {
    const noDept = await create(reviewer('nodept', { department: undefined }));
    expect(noDept.status).toBe(422);
    expect(noDept.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ field: 'department' }] } });
    const badDept = await create(reviewer('baddept', { department: 'nosuchdept' }));
    expect(badDept.body.error.details.issues[0].field).toBe('department');
    const noPlace = await create(reviewer('noplace', { jurisdictionCode: '339999999999' }));
    expect(noPlace.status).toBe(422);
    expect(noPlace.body.error.details.issues[0].field).toBe('jurisdictionCode');
    const short = await create(reviewer('short', { password: 'short' }));
    expect(short.status).toBe(422);
    expect(short.body.error.details.issues[0].field).toBe('password');
    const system = await create(reviewer('sys', { role: 'system' }));
    expect(system.status).toBe(422);
    expect(system.body.error.details.issues[0].field).toBe('role');
  });

  it('is for administrators only', async () => {
    expect((await api.request('GET', '/api/users')).status).toBe(401);
    expect((await api.request('POST', '/api/users', { body: reviewer('anon') })).status).toBe(401);
    const asClerk = await api.as('clerk.county', 'GET', '/api/users');
    expect(asClerk.status).toBe(403);
    expect(asClerk.body.error.code).toBe('FORBIDDEN');
    expect((await api.as('supervisor.city', 'POST', '/api/users', reviewer('sup'))).status).toBe(403);
    expect((await api.as('clerk.county', 'PATCH', '/api/users/1', { active: false })).status).toBe(403);
  });

  it('edits an account: role and placement, password reset, deactivation', async () => {
    const made = await create(reviewer('edit'));
    const id = made.body.id;
    const patch = (body: Record<string, unknown>) => api.as('admin', 'PATCH', `/api/users/${id}`, body);
    const moved = await patch({ role: 'clerk', jurisdictionCode: DEMO.townCode });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ role: 'clerk', level: 'town', department: null });
    const back = await patch({ role: 'reviewer' });
    expect(back.status).toBe(422);
    expect(back.body.error.details.issues[0].field).toBe('department');
    expect((await patch({ role: 'reviewer', jurisdictionCode: DEMO.cityCode, department: 'health' })).body).toMatchObject({ level: 'city', department: 'health' });
    expect((await patch({ password: 'another-pass-2' })).status).toBe(200);
    expect((await login(`edit.${RUN}`)).status).toBe(401);
    const session = await login(`edit.${RUN}`, 'another-pass-2');
    expect(session.status).toBe(200);
    expect((await patch({ active: false })).body.active).toBe(false);
    expect((await login(`edit.${RUN}`, 'another-pass-2')).status).toBe(401);
    // A token issued before deactivation stops working too.
    expect((await api.request('GET', '/api/queue', { token: session.body.token })).status).toBe(401);
    expect((await patch({ active: true })).body.active).toBe(true);
    expect((await login(`edit.${RUN}`, 'another-pass-2')).status).toBe(200);
  });

  it('answers 404 for an unknown id and 422 for an empty change', async () => {
    expect((await api.as('admin', 'PATCH', '/api/users/99999999', { displayName: 'x' })).status).toBe(404);
    expect((await api.as('admin', 'PATCH', '/api/users/1', {})).status).toBe(422);
    expect((await api.as('admin', 'PATCH', '/api/users/abc', { displayName: 'x' })).status).toBe(400);
  });

  it('does not let an administrator lock themselves out', async () => {
    const me = (await api.as('admin', 'GET', '/api/auth/me')).body.user;
    const off = await api.as('admin', 'PATCH', `/api/users/${me.id}`, { active: false });
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe('CANNOT_DEACTIVATE_SELF');
    const demote = await api.as('admin', 'PATCH', `/api/users/${me.id}`, { role: 'clerk' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('CANNOT_DEMOTE_SELF');
    expect((await api.as('admin', 'PATCH', `/api/users/${me.id}`, { displayName: '系统管理员' })).status).toBe(200);
    expect((await api.as('admin', 'GET', '/api/auth/me')).body.user).toMatchObject({ role: 'admin', active: true });
  });

  it('describes the three paths in the OpenAPI document', async () => {
    const doc = (await api.request('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/users'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/api/users/{id}'].patch).toBeDefined();
  });
});
