import { Alert, App, Form, Input, Modal, Select, Switch, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/http';
import type { Department } from '../../api/reference';
import type { AccountRole, JurisdictionView, UserView } from '../../api/types';
import { errorText } from '../../components/ErrorState';
import { session } from '../../session';
import { buildTree } from './jurisdictionTree';
import { ACCOUNT_ROLES } from './roles';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  role: AccountRole;
  jurisdictionCode: string;
  department?: string | null;
  active: boolean;
}
type Field = keyof Values;
const FIELDS: Field[] = ['username', 'displayName', 'password', 'role', 'jurisdictionCode', 'department', 'active'];

/** What to send on an edit: only what changed, so a save never touches fields nobody edited. */
function changes(user: UserView, v: Values): Partial<Values> {
  const out: Partial<Values> = {};
  if (v.displayName !== user.displayName) out.displayName = v.displayName;
  if (v.role !== user.role) out.role = v.role;
  if (v.jurisdictionCode !== user.jurisdictionCode) out.jurisdictionCode = v.jurisdictionCode;
  const dept = v.role === 'reviewer' ? (v.department ?? null) : null;
  if (dept !== user.department) out.department = dept;
  if (v.active !== user.active) out.active = v.active;
  if (v.password) out.password = v.password;
  return out;
}

/** Creates an account, or edits one (role, placement, active, password reset); field errors come back onto the form. */
export function UserFormModal(props: { user?: UserView; self: boolean; departments: Department[]; places: JurisdictionView[]; onClose: () => void; onSaved: () => void }) {
  const { user, self } = props;
  const { t } = useTranslation('admin');
  const { t: tc, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const role = Form.useWatch('role', form);
  const tree = useMemo(() => buildTree(props.places, en), [props.places, en]);
  const required = { required: true, message: t('users.required') };
  // The codes this form expects read in the user's language; anything else shows the server's message and code.
  const failureText = (e: unknown) => (e instanceof ApiError && i18n.exists(`admin:users.error.${e.code}`) ? `${t(`users.error.${e.code}`)} (${e.code})` : errorText(e, tc));

  const save = async (v: Values) => {
    const edit = user ? changes(user, v) : undefined;
    if (edit && Object.keys(edit).length === 0) return props.onClose();
    setBusy(true);
    setFailure(undefined);
    try {
      const saved = user && edit
        ? await api<UserView>('PATCH', `/api/users/${user.id}`, { body: edit })
        : await api<UserView>('POST', '/api/users', { body: { ...v, active: undefined, department: v.role === 'reviewer' ? v.department : null } });
      // Editing oneself: the header shows the new name without logging in again.
      if (self && session.token()) session.save(session.token()!, saved);
      message.success(t(user ? 'users.updated' : 'users.created', { name: saved.displayName }));
      props.onSaved();
    } catch (e) {
      const issues = e instanceof ApiError ? ((e.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? []) : [];
      const onForm = issues.filter((i) => FIELDS.includes(i.field as Field));
      if (e instanceof ApiError && e.code === 'USERNAME_TAKEN') onForm.push({ field: 'username', message: t('users.error.USERNAME_TAKEN') });
      form.setFields(onForm.map((i) => ({ name: i.field as Field, errors: [i.message] })));
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.create')}
      okText={tc('save')}
      cancelText={tc('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={user ? { ...user, department: user.department ?? undefined, password: '' } : { role: 'clerk', active: true }}
      >
        <Form.Item name="username" label={t('users.username')} extra={user ? undefined : t('users.usernameHelp')} rules={[required, { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, message: t('users.usernameHelp') }]}>
          <Input disabled={!!user} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required, { whitespace: true, message: t('users.required') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[required]} extra={self ? t('users.self') : undefined}>
          <Select disabled={self} options={ACCOUNT_ROLES.map((r) => ({ value: r, label: tc(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="jurisdictionCode" label={t('users.jurisdiction')} rules={[required]}>
          <TreeSelect
            treeData={tree}
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('users.jurisdictionSearch')}
            treeDefaultExpandedKeys={tree.map((n) => n.value)}
            loading={!props.places.length}
            styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
          />
        </Form.Item>
        {role === 'reviewer' ? (
          <Form.Item name="department" label={t('users.department')} extra={t('users.departmentHelp')} rules={[required]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={props.departments.map((d) => ({ value: d.code, label: en ? d.nameEn : d.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="password"
          label={user ? t('users.newPassword') : t('users.password')}
          extra={user ? t('users.newPasswordHelp') : t('users.passwordMin')}
          rules={[...(user ? [] : [required]), { min: 8, message: t('users.passwordMin') }]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        {user ? (
          <Form.Item name="active" label={t('users.active')} valuePropName="checked">
            <Switch disabled={self} checkedChildren={t('users.activeOn')} unCheckedChildren={t('users.activeOff')} />
          </Form.Item>
        ) : null}
      </Form>
      {failure ? <Alert type="error" showIcon role="alert" title={failureText(failure)} /> : null}
    </Modal>
  );
}
