import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/http';
import type { ItemView } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';

/**
 * The item's blank forms (申请表, 授权委托书, 声明 …), one printable sheet
 * each, built from the item's fields and materials: print (or save as PDF)
 * and fill in by hand before coming to the centre. No stored files needed.
 */
export function BlankFormsScreen() {
  const { code = '' } = useParams();
  const { t } = useTranslation(['applicant', 'common']);
  const item = useAsync(() => api<ItemView>('GET', `/api/items/${encodeURIComponent(code)}`), [code]);
  if (item.error) return <ErrorState error={item.error} onRetry={item.reload} />;
  if (!item.data) return <Card loading />;
  const it = item.data;
  const organisations = it.applicantTypes.includes('organisation');
  const row = (label: string, value = '') => (
    <tr>
      <th scope="row">{label}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space className="no-print" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">
          {t('words.formsTitle', { name: it.name })}
        </Typography.Title>
        <Space>
          <Link to={`/items/${it.code}`}>{t('common:back')}</Link>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('words.printForms')}
          </Button>
        </Space>
      </Space>
      {it.forms.map((form) => {
        const letter = form.includes('委托书');
        return (
          <section key={form} className="blank-form" data-testid="blank-form" aria-label={form}>
            <h2>{form}</h2>
            <table>
              <tbody>
                {row(t('words.formItem'), it.name)}
                {row(t('words.formItemCode'), it.code)}
                {row(t('words.formApplicant'))}
                {row(t('words.formIdentity'))}
                {organisations && row(t('words.formLegalRep'))}
                {row(t('words.formPhone'))}
                {row(t('words.formAddress'))}
                {row(t('words.formAgent'))}
              </tbody>
            </table>
            {letter ? (
              <p>{t('words.formAgentOf')}</p>
            ) : (
              <>
                <p>{t('words.formMaterials')}</p>
                <ul className="blank-form-materials">
                  {it.materials.map((m) => (
                    <li key={m.name}>☐ {m.name}</li>
                  ))}
                </ul>
                <p>{t('words.formStatement')}</p>
              </>
            )}
            <div className="blank-form-sign">
              <span>{t('words.formSignature')}</span>
              <span>{t('words.formDate')}</span>
            </div>
          </section>
        );
      })}
    </Space>
  );
}
