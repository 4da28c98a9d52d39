import { Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CodeVerdict as Verdict } from '../../api/licences';
import { CertificateFields } from '../certificates/CertificateFields';
import { LicenceFields } from './LicenceFields';
import { outcomeOf, statusColor, statusWord } from './licenceWords';

/**
 * The answer to "is this licence genuine", big enough to read at arm's length: 真实有效 in green, a
 * genuine licence in another status (暂扣, 注销, 失效…) in orange or red, and 无法核验 in red with why.
 */
export function CodeVerdict({ v }: { v: Verdict }) {
  const { t, i18n } = useTranslation('licences');
  const outcome = outcomeOf(v);
  const licence = v.kind === 'licence' || v.kind === 'certificate' ? v : null;
  let status: 'success' | 'warning' | 'error' = 'error';
  let title = t('verdict.failed');
  let sub = v.reason ? t(`verdict.reason.${v.reason}`) : '';
  if (outcome === 'valid') {
    status = 'success';
    title = t('verdict.genuine');
    sub = t('verdict.genuineSub');
  } else if (outcome === 'status' && licence) {
    const word = statusWord(licence.status, i18n.language);
    status = statusColor(licence.status.code) === 'red' ? 'error' : 'warning';
    title = t('verdict.status', { status: word });
    sub = t('verdict.statusSub', { status: word });
  }
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="verdict" data-outcome={outcome} data-reason={v.reason ?? ''} data-code={v.code}>
      <div role="status" aria-live="polite">
        <Result className="verdict" status={status} title={<span data-testid="verdict-title">{title}</span>} subTitle={<span data-testid="verdict-detail">{sub}</span>} />
      </div>
      <Typography.Text type="secondary" className="licence-id">
        {t('verify.checked', { code: v.code })}
      </Typography.Text>
      {/* Data no longer matching its signature is not shown: it may be what a forger wrote. */}
      {licence && outcome !== 'failed' && (licence.kind === 'certificate' ? <CertificateFields c={licence} /> : <LicenceFields l={licence} />)}
    </Space>
  );
}
