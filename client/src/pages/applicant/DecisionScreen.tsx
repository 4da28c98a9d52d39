import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/http';
import type { DecisionDocument } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { useAsync } from '../../components/useAsync';
import { session } from '../../session';
import { queryCodes } from './queryCodes';

/**
 * The written decision of a case (不予受理通知书, 不予许可决定书, 准予许可决定书),
 * as the server generates it from the case, laid out to print on A4. Whoever
 * may see the case may read it: staff with their token, an applicant with the
 * case's query code. Issued in Chinese; in English an English reading follows.
 */
export function DecisionScreen() {
  const { caseNo = '' } = useParams();
  const { pathname } = useLocation();
  const { t, i18n } = useTranslation(['applicant', 'common']);
  const en = i18n.language === 'en';
  const code = session.token() ? null : queryCodes.get(caseNo);
  const doc = useAsync(() => api<DecisionDocument>('GET', `/api/cases/${encodeURIComponent(caseNo)}/decision`, code ? { queryCode: code } : {}), [caseNo, code]);
  const back = pathname.startsWith('/desk/') ? `/desk/cases/${caseNo}` : `/track/${caseNo}`;
  if (doc.error) {
    return (
      <Space orientation="vertical">
        <ErrorState error={doc.error} onRetry={doc.reload} />
        <Link to={back}>{t('outcome.back')}</Link>
      </Space>
    );
  }
  const d = doc.data;
  if (!d) return <Card loading />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="decision" data-kind={d.kind}>
      <Space className="no-print" wrap>
        <Link to={back}>{t('outcome.back')}</Link>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('outcome.print')}
        </Button>
      </Space>
      <article className="decision-doc" lang="zh-CN">
        <Typography.Title level={1} className="decision-title">
          {d.decidingBody.name}
          <br />
          {d.title}
        </Typography.Title>
        <p className="decision-docno">{d.docNo}</p>
        {d.paragraphs.map((p, i) => (
          <p key={i} className={i === 0 ? 'decision-salutation' : 'decision-para'} data-testid="decision-paragraph">
            {p}
          </p>
        ))}
        <p className="decision-signature">
          {d.decidingBody.name}
          {t('outcome.seal')}
          <br />
          {d.decidedOn}
        </p>
      </article>
      <Descriptions size="small" bordered column={1} className="decision-facts no-print">
        <Descriptions.Item label={t('outcome.item')}>{d.item.name}</Descriptions.Item>
        <Descriptions.Item label={t('outcome.applicant')}>{d.applicant.name}</Descriptions.Item>
        {d.applicant.idNumber && <Descriptions.Item label={t('outcome.idNumber')}>{d.applicant.idNumber}</Descriptions.Item>}
        <Descriptions.Item label={t('outcome.filedAt')}>{formatTime(d.filedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('outcome.decidedOn')}>{d.decidedOn}</Descriptions.Item>
        <Descriptions.Item label={t('outcome.decidingBody')}>{en ? d.decidingBody.nameEn : d.decidingBody.name}</Descriptions.Item>
        <Descriptions.Item label={d.kind === 'approval' ? t('outcome.opinion') : t('outcome.reasons')}>{d.opinion}</Descriptions.Item>
        {d.licenceNo && <Descriptions.Item label={t('outcome.licenceNo')}>{d.licenceNo}</Descriptions.Item>}
        {d.rights && (
          <>
            <Descriptions.Item label={t('outcome.reviewBody')}>
              <span data-testid="review-body">{en ? d.rights.reviewBody.nameEn : d.rights.reviewBody.name}</span> · {t('outcome.reviewWithin', { n: d.rights.reviewDays })}
            </Descriptions.Item>
            <Descriptions.Item label={t('outcome.court')}>
              <span data-testid="court">{en ? d.rights.court.nameEn : d.rights.court.name}</span> · {t('outcome.suitWithin', { n: d.rights.suitMonths })}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      <Typography.Paragraph type="secondary" className="no-print">{t('outcome.english')}</Typography.Paragraph>
      {en && (
        <section className="decision-reading no-print" lang="en" aria-label={d.titleEn}>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {d.titleEn}
          </Typography.Title>
          {d.paragraphsEn.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      )}
    </Space>
  );
}
