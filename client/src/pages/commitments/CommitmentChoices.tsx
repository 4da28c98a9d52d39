import { Alert, Card, Checkbox, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemProof } from '../../api/commitments';

/** One proof's choice: replaced by a commitment or not, and signed or not. */
export interface CommitmentChoice {
  proof: string;
  signed: boolean;
}

interface Props {
  proofs: ItemProof[];
  applicantName: string;
  value?: CommitmentChoice[];
  onChange?: (v: CommitmentChoice[]) => void;
  /** Told when a proof is chosen or given up, so the form can untick or tick the material it replaces. */
  onChosen?: (proof: string, chosen: boolean) => void;
}

export const fillTemplate = (template: string, applicant: string, proof: string) => template.replaceAll('{applicant}', applicant || '______').replaceAll('{proof}', proof);

/** The filing's 告知承诺: per proof that allows one, “replace by a commitment”, then its text and the signature. */
export function CommitmentChoices({ proofs, applicantName, value = [], onChange, onChosen }: Props) {
  const { t } = useTranslation('commitments');
  const allowed = proofs.filter((p) => p.commitmentAllowed && p.commitmentTemplate);
  if (allowed.length === 0) return null;
  const find = (proof: string) => value.find((c) => c.proof === proof);
  const set = (proof: string, next: CommitmentChoice | null) => onChange?.([...value.filter((c) => c.proof !== proof), ...(next ? [next] : [])]);
  return (
    <Card size="small" title={t('file.title')} data-testid="commitment-choices" style={{ marginBottom: 16 }}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('file.help')} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        {allowed.map((p) => {
          const c = find(p.name);
          return (
            <div key={p.name} data-testid="commitment-choice" data-proof={p.name}>
              <Checkbox
                checked={!!c}
                data-testid="commitment-choose"
                onChange={(e) => {
                  set(p.name, e.target.checked ? { proof: p.name, signed: false } : null);
                  onChosen?.(p.name, e.target.checked);
                }}
              >
                {t('file.choose', { proof: p.name })}
              </Checkbox>
              {c && (
                <Card size="small" type="inner" title={t('file.text')} style={{ marginTop: 8 }}>
                  <Typography.Paragraph data-testid="commitment-text">{fillTemplate(p.commitmentTemplate!, applicantName, p.name)}</Typography.Paragraph>
                  <Checkbox checked={c.signed} data-testid="commitment-sign" onChange={(e) => set(p.name, { proof: p.name, signed: e.target.checked })}>
                    {t('file.sign')}
                  </Checkbox>
                </Card>
              )}
            </div>
          );
        })}
      </Space>
    </Card>
  );
}

/** The form rule: a proof chosen for a commitment must have it signed. */
export const signedRule = (message: string) => ({
  validator: (_: unknown, v: CommitmentChoice[] | undefined) => ((v ?? []).every((c) => c.signed) ? Promise.resolve() : Promise.reject(new Error(message))),
});
