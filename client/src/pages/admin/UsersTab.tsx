import { PlusOutlined } from '@ant-design/icons';
import { Button, Grid, Input, Select, Space, Table, Tag, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api/http';
import { departmentName, loadDepartments, type Department } from '../../api/reference';
import type { JurisdictionView, UsersPage, UserView } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { useUser } from '../../session';
import { buildTree, jurisdictionLabel, loadJurisdictions } from './jurisdictionTree';
import { ACCOUNT_ROLES } from './roles';
import { UserFormModal } from './UserFormModal';

/** Accounts and roles: search, filter by role, place (with everything under it) and department, paged; create and edit in a modal. */
export function UsersTab() {
  const { t } = useTranslation('admin');
  const { t: tc, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const me = useUser();
  // On a phone the username folds under the name instead of taking a column.
  const narrow = !Grid.useBreakpoint().sm;
  const [filter, setFilter] = useState({ q: '', role: '', jurisdiction: '', department: '' });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<UserView | 'new'>();
  const [departments, setDepartments] = useState<Department[]>();
  const [places, setPlaces] = useState<JurisdictionView[]>();
  useEffect(() => {
    loadDepartments().then(setDepartments, () => setDepartments([]));
    loadJurisdictions().then(setPlaces, () => setPlaces([]));
  }, []);
  const byCode = useMemo(() => new Map((places ?? []).map((j) => [j.code, j])), [places]);
  const tree = useMemo(() => buildTree(places ?? [], en), [places, en]);
  const users = useAsync(() => api<UsersPage>('GET', `/api/users${qs({ ...filter, ...page })}`), [filter, page]);
  const change = (next: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  const columns: TableColumnsType<UserView> = [
    { title: t('users.username'), dataIndex: 'username', responsive: ['sm'] },
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      render: (name: string, u) => (
        <>
          {name}
          {narrow ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {u.username}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: t('users.role'), dataIndex: 'role', width: 110, render: (r: string) => tc(`role.${r}`) },
    {
      title: t('users.jurisdiction'),
      dataIndex: 'jurisdictionCode',
      responsive: ['md'],
      render: (code: string) => {
        const j = byCode.get(code);
        return j ? jurisdictionLabel(j, en) : code;
      },
    },
    { title: t('users.department'), dataIndex: 'department', responsive: ['lg'], render: (d: string | null) => departmentName(departments, d, en) },
    { title: t('users.active'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('users.activeOn')}</Tag> : <Tag>{t('users.activeOff')}</Tag>) },
    {
      title: t('users.actions'),
      key: 'edit',
      render: (_, u) => (
        <Button size="small" aria-label={`${t('users.edit')} ${u.username}`} onClick={() => setEditing(u)}>
          {t('users.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search allowClear placeholder={t('users.search')} aria-label={t('users.search')} onSearch={(q) => change({ q: q.trim() })} style={{ width: 280 }} />
        <Select
          allowClear
          placeholder={t('users.role')}
          aria-label={t('users.role')}
          style={{ width: 170 }}
          options={ACCOUNT_ROLES.map((r) => ({ value: r, label: tc(`role.${r}`) }))}
          onChange={(v?: string) => change({ role: v ?? '' })}
        />
        <TreeSelect
          allowClear
          treeData={tree}
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder={t('users.filterJurisdiction')}
          aria-label={t('users.filterJurisdiction')}
          style={{ width: 220 }}
          styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
          onChange={(v?: string) => change({ jurisdiction: v ?? '' })}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('users.department')}
          aria-label={t('users.department')}
          style={{ width: 200 }}
          options={(departments ?? []).map((d) => ({ value: d.code, label: en ? d.nameEn : d.name }))}
          onChange={(v?: string) => change({ department: v ?? '' })}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('users.create')}
        </Button>
      </Space>
      {users.error ? <ErrorState error={users.error} onRetry={() => void users.reload()} /> : null}
      <Table<UserView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.users}
        loading={users.loading}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          onChange: (p, size) => setPage({ page: size === page.pageSize ? p : 1, pageSize: size }),
        }}
      />
      {editing ? (
        <UserFormModal
          user={editing === 'new' ? undefined : editing}
          self={editing !== 'new' && editing.id === me?.id}
          departments={departments ?? []}
          places={places ?? []}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            void users.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
