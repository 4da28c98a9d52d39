import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { exportRegister, type RegisterFilters } from '../../api/publicity';
import { errorText } from '../../components/errorText';

const FORMATS = ['csv', 'json'] as const;

/** The credit platform's file of what the search finds (docs/publicity.md): CSV for Excel and importers, JSON keyed by the field codes. */
export function ExportPanel({ filters }: { filters: RegisterFilters }) {
  const { t } = useTranslation('publicity');
  const { message } = App.useApp();
  const [busy, setBusy] = useState<(typeof FORMATS)[number] | null>(null);

  const run = async (format: (typeof FORMATS)[number]) => {
    setBusy(format);
    try {
      await exportRegister(filters, format);
      void message.success(t('export.done'));
    } catch (e) {
      const d = e instanceof ApiError && e.code === 'EXPORT_TOO_LARGE' ? (e.details as { total: number; max: number }) : null;
      void message.error(d ? t('export.tooLarge', d) : errorText(e, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={t('export.title')} data-testid="publicity-export">
      <Typography.Paragraph type="secondary">{t('export.intro')}</Typography.Paragraph>
      <Space wrap>
        {FORMATS.map((f) => (
          <Button key={f} icon={<DownloadOutlined />} loading={busy === f} disabled={busy !== null && busy !== f} onClick={() => void run(f)} data-testid={`export-${f}`}>
            {t(`export.${f}`)}
          </Button>
        ))}
      </Space>
    </Card>
  );
}
