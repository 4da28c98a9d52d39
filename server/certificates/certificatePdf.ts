import type { Knex } from 'knex';
import { setECertificatePdf, type ECertificateRow } from '../../db/repositories/certificates/eCertificates';
import type { AppContext } from '../context';
import { LICENCE_ID_KEY, type OfficialDocumentModel } from '../documents/pdf';
import { signedPdfOf } from '../documents/signedRecord';
import { verifyUrlOf } from '../licences/licencePdf';

/** The e-certificate as a document: the statement, the issuer's seal, the QR code of its verification page. */
export function certificatePdfModel(c: ECertificateRow, baseUrl: string): Omit<OfficialDocumentModel, 'metadata'> {
  return {
    title: c.name,
    docNo: `证明编号：${c.certificateId.split('.').at(-3)}`,
    paragraphs: [c.statement, `证明用途：${c.purpose}。`, '特此证明。'],
    fields: [
      ['姓名', c.holderName],
      ['公民身份号码', c.holderCode],
      ['有效期至', c.validUntil],
      ['出具单位', c.issuerName],
      ['出具依据', c.legalBasis],
      ['电子证明标识', c.certificateId],
    ],
    issuer: { name: c.issuerName, sealName: '证明专用章' },
    date: c.issuedOn,
    qr: { text: verifyUrlOf(baseUrl, c.certificateId), caption: '扫码核验真伪与状态' },
    footer: `本电子证明依据国务院令第716号与纸质证明具有同等效力，办事时凭标识共享调用，无需再交纸质证明；核验：${baseUrl}/verify`,
  };
}

/** The signed PDF of an e-certificate: kept by SHA-256 once drawn; drawn from its data the first time. */
export function certificatePdf(ctx: AppContext, db: Knex, c: ECertificateRow): Promise<Buffer> {
  return signedPdfOf(ctx, db, {
    pdfSha256: c.pdfSha256,
    createdAt: c.createdAt,
    model: { ...certificatePdfModel(c, ctx.config.PUBLIC_BASE_URL), metadata: { [LICENCE_ID_KEY]: c.certificateId, CertificateKind: c.kindCode, Issuer: c.issuerName } },
    save: async (trx, sha, size) => {
      await setECertificatePdf(trx, c.id, sha, size);
      c.pdfSha256 = sha;
      c.pdfSize = size;
    },
  });
}
