import type { Knex } from 'knex';
import { setELicencePdf, type ELicenceRow } from '../../db/repositories/licences/eLicences';
import type { AppContext } from '../context';
import { LICENCE_ID_KEY, type OfficialDocumentModel } from '../documents/pdf';
import { signedPdfOf } from '../documents/signedRecord';

interface LicenceFields {
  licenceId: string;
  licenceNo: string;
  name: string;
  holderName: string;
  holderCode: string;
  holderCodeType: string;
  issuerName: string;
  issuedOn: string;
  validFrom: string;
  validUntil: string;
  itemName: string;
}

/** Where the QR code of a licence leads: the public verification page. */
export const verifyUrlOf = (baseUrl: string, licenceId: string) => `${baseUrl}/verify?code=${encodeURIComponent(licenceId)}`;

/** The e-licence as a document: its fields, the seal of the issuer, the QR code of its verification page. */
export function licencePdfModel(f: LicenceFields, baseUrl: string): Omit<OfficialDocumentModel, 'metadata'> {
  return {
    title: f.name,
    docNo: `证照编号：${f.licenceNo}`,
    paragraphs: [`经审查，${f.holderName}的“${f.itemName}”申请符合法定条件、标准，依法准予行政许可，特发此证。`],
    fields: [
      ['持证主体', f.holderName],
      [f.holderCodeType === '001' ? '统一社会信用代码' : '公民身份号码', f.holderCode],
      ['许可事项', f.itemName],
      ['有效期', `${f.validFrom} 至 ${f.validUntil}`],
      ['颁发机构', f.issuerName],
      ['电子证照标识', f.licenceId],
    ],
    issuer: { name: f.issuerName, sealName: '电子证照专用章' },
    date: f.issuedOn,
    qr: { text: verifyUrlOf(baseUrl, f.licenceId), caption: '扫码核验真伪与状态' },
    footer: `本电子证照依据国务院令第716号第十条与纸质证照具有同等法律效力；核验：${baseUrl}/verify`,
  };
}

/** The signed PDF of an e-licence: kept by SHA-256 once drawn; drawn from the licence's data the first time. */
export function licencePdf(ctx: AppContext, db: Knex, l: ELicenceRow): Promise<Buffer> {
  const model = licencePdfModel(l, ctx.config.PUBLIC_BASE_URL);
  return signedPdfOf(ctx, db, {
    pdfSha256: l.pdfSha256,
    createdAt: l.createdAt,
    model: { ...model, metadata: { [LICENCE_ID_KEY]: l.licenceId, LicenceNo: l.licenceNo, Issuer: l.issuerName } },
    save: (trx, sha, size) => setELicencePdf(trx, l.id, sha, size),
  });
}
