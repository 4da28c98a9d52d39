import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaterialEntry, MaterialVerdict } from '../../api/files';

interface Props {
  material: MaterialEntry;
  busy: boolean;
  onMark: (verdict: MaterialVerdict, reason?: string) => Promise<boolean>;
}

/** 合格 / 不合格 for one material, at the acceptance desk; 不合格 asks why (the reason goes into the 补正 notice). */
export function MarkControls({ material, busy, onMark }: Props) {
  const { t } = useTranslation('files');
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState(material.reason ?? '');
  const [missing, setMissing] = useState(false);

  const bad = async () => {
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    if (await onMark('bad', reason.trim())) setAsking(false);
  };

  return (
    <>
      <Space size="small" wrap className="no-print" data-testid="mark-controls">
        <Button size="small" icon={<CheckOutlined />} disabled={busy} type={material.verdict === 'ok' ? 'primary' : 'default'} onClick={() => void onMark('ok')} data-testid="mark-ok">
          {t('mark.ok')}
        </Button>
        <Button size="small" icon={<CloseOutlined />} disabled={busy} danger type={material.verdict === 'bad' ? 'primary' : 'default'} onClick={() => setAsking(true)} data-testid="mark-bad">
          {t('mark.bad')}
        </Button>
      </Space>
      {asking && (
        <Space.Compact className="no-print" style={{ flexBasis: '100%' }}>
          <Input
            autoFocus
            maxLength={500}
            value={reason}
            status={missing ? 'error' : undefined}
            placeholder={missing ? t('mark.reasonRequired') : t('mark.reason')}
            aria-label={t('mark.reason')}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
            onPressEnter={() => void bad()}
            data-testid="mark-reason"
          />
          <Button type="primary" danger loading={busy} onClick={() => void bad()} data-testid="mark-bad-confirm">
            {t('mark.confirm')}
          </Button>
          <Button onClick={() => setAsking(false)}>{t('mark.cancel')}</Button>
        </Space.Compact>
      )}
    </>
  );
}
