import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RegisterEntry } from '../../api/publicity';
import { statusColor, statusWord } from '../licences/licenceWords';

/** How a row is marked for the tests and assistive reading: its 文号, and its licence's status (or `pending` before issue). */
export const entryMarks = (e: RegisterEntry) => ({
  'data-testid': 'publicity-entry',
  'data-doc-no': e.decision.docNo,
  'data-status': e.licence.status?.code ?? 'pending',
  'data-standing': e.standing,
});

const codeTypeKey = (codeType: string) => `codeType.${codeType === '111' || codeType === '001' ? codeType : 'other'}`;

/** 行政相对人: the name (a person's masked by the server), the credit code or masked ID number, a legal person's representative. */
export function Holder({ e }: { e: RegisterEntry }) {
  const { t } = useTranslation('publicity');
  return (
    <span>
      <Typography.Text strong data-testid="entry-holder">
        {e.holder.name}
      </Typography.Text>
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(codeTypeKey(e.holder.codeType))}：<span data-testid="entry-holder-code">{e.holder.code}</span>
      </Typography.Text>
      {e.holder.legalRepresentative && (
        <>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('legalRep', { name: e.holder.legalRepresentative })}
          </Typography.Text>
        </>
      )}
    </span>
  );
}

/** 许可证书: its name and number, or 待发证 until issued. */
export function Licence({ e }: { e: RegisterEntry }) {
  const { t } = useTranslation('publicity');
  return (
    <span>
      {e.licence.name}
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="entry-licence-no">
        {e.licence.licenceNo ? t('licenceNo', { no: e.licence.licenceNo }) : t('pendingIssue')}
      </Typography.Text>
    </span>
  );
}

export function Validity({ e }: { e: RegisterEntry }) {
  const { t } = useTranslation('publicity');
  const v = e.licence.validity;
  return <span>{v ? t('validity', { from: v.from, until: v.until }) : t('noValidity')}</span>;
}

/** 当前状态: the licence's status now (有效 green; 暂扣/失效 orange; 撤销/注销/吊销 red), 待发证 before issue; a link to verify it. */
export function Status({ e }: { e: RegisterEntry }) {
  const { t, i18n } = useTranslation('publicity');
  const s = e.licence.status;
  return (
    <span>
      {s ? (
        <Tag color={statusColor(s.code)} data-testid="entry-status">
          {statusWord(s, i18n.language)}
        </Tag>
      ) : (
        <Tag color="blue" data-testid="entry-status">
          {t('pendingIssue')}
        </Tag>
      )}
      {e.licence.verifyUrl && (
        <Link to={e.licence.verifyUrl} aria-label={t('verifyOf', { name: e.licence.name })} data-testid="entry-verify">
          <SafetyCertificateOutlined aria-hidden /> {t('verify')}
        </Link>
      )}
    </span>
  );
}
