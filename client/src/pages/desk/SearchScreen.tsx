import { Card, Flex, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api/http';
import type { CaseRowView } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { useUser } from '../../session';
import { CaseResults, type CasePage } from './CaseResults';
import { DeskTabs } from './DeskTabs';

/**
 * Staff find any case they may see: one box for a case number, a name, or a
 * whole ID number, credit code or phone (GET /api/cases?q=). The text is
 * kept in the screen, never in the address: personal numbers stay out of
 * URLs, history and bookmarks (DESIGN.md).
 */
export function SearchScreen() {
  const { t } = useTranslation('search');
  const user = useUser()!;
  const [{ q, page }, setSearch] = useState({ q: '', page: 1 });
  const found = useAsync(
    () => (q ? api<CasePage>('GET', `/api/cases${qs({ q, page, pageSize: 20 })}`) : Promise.resolve(undefined)),
    [q, page],
  );
  const desk = user.role === 'clerk' || user.role === 'reviewer';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <Typography.Title level={1} className="page-title">
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
        </div>
        {desk && <DeskTabs current="search" />}
      </Flex>
      <Card size="small">
        <Flex vertical gap="small">
          <Input.Search
            aria-label={t('box')}
            placeholder={t('placeholder')}
            enterButton={t('button')}
            allowClear
            autoFocus
            size="large"
            data-testid="case-search"
            onSearch={(v) => setSearch({ q: v.trim(), page: 1 })}
          />
          <Typography.Text type="secondary">{t('hint')}</Typography.Text>
        </Flex>
      </Card>
      {found.error && <ErrorState error={found.error} onRetry={found.reload} />}
      {q && (
        <Card size="small">
          <CaseResults<CaseRowView>
            data={found.data}
            loading={found.loading}
            empty={t('none')}
            onPage={(p) => setSearch({ q, page: p })}
            testId="search-row"
          />
        </Card>
      )}
    </Space>
  );
}
