import { SearchOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import type { RegisterFilters } from '../../api/publicity';
import type { JurisdictionView } from '../../api/types';
import { useAsync } from '../../components/useAsync';

interface Fields {
  q?: string;
  item?: string;
  jurisdiction?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

type List = { jurisdictions: JurisdictionView[] };

/** The areas a deciding body sits in: the province, the city, then the city's counties. */
function useAreas(english: boolean) {
  const areas = useAsync(async () => {
    const [provinces, cities, counties] = await Promise.all(
      ['province', 'city', 'county'].map((level) => api<List>('GET', `/api/jurisdictions?level=${level}`)),
    );
    return [...provinces!.jurisdictions, ...cities!.jurisdictions, ...counties!.jurisdictions];
  }, []);
  return (areas.data ?? []).map((j) => ({ value: j.code, label: english && j.nameEn ? j.nameEn : j.name }));
}

const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/**
 * The register's search: one box for a 文书号, a company's name or credit code
 * or a licence number, then the item, the area of the deciding body and the
 * decision dates. Applied on 查询 (or Enter); 重置 clears them all.
 */
export function PublicityFilters({ onSearch }: { onSearch: (filters: RegisterFilters) => void }) {
  const { t, i18n } = useTranslation('publicity');
  const [form] = Form.useForm<Fields>();
  const areas = useAreas(i18n.language === 'en');
  const submit = (f: Fields) => onSearch({ q: text(f.q), item: text(f.item), jurisdiction: f.jurisdiction || undefined, from: day(f.from), to: day(f.to) });
  const notBeforeFrom = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator(_: unknown, to: Dayjs | null | undefined) {
      const from = getFieldValue('from') as Dayjs | null | undefined;
      return !from || !to || !to.isBefore(from, 'day') ? Promise.resolve() : Promise.reject(new Error(t('form.toBeforeFrom')));
    },
  });

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} aria-label={t('form.label')} data-testid="publicity-form">
      <Form.Item name="q" label={t('form.q')} extra={<Typography.Text type="secondary">{t('form.qHelp')}</Typography.Text>}>
        <Input placeholder={t('form.qPlaceholder')} maxLength={100} allowClear autoComplete="off" spellCheck={false} data-testid="publicity-q" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12} lg={6}>
          <Form.Item name="item" label={t('form.item')}>
            <Input placeholder={t('form.itemPlaceholder')} maxLength={100} allowClear autoComplete="off" data-testid="publicity-item" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item name="jurisdiction" label={t('form.area')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('form.allAreas')} options={areas} data-testid="publicity-area" />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name="from" label={t('form.from')}>
            <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="publicity-from" />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name="to" label={t('form.to')} dependencies={['from']} rules={[notBeforeFrom]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="publicity-to" />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="publicity-search">
          {t('form.search')}
        </Button>
        <Button
          htmlType="button"
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
          data-testid="publicity-reset"
        >
          {t('form.reset')}
        </Button>
      </Space>
    </Form>
  );
}
