/** Words of a case's official documents (办件文书, issue 11): the list on the tracking and desk pages. */
export const documents = {
  zh: {
    title: '办件文书',
    empty: '暂无文书',
    docNo: '文号',
    issuedOn: '日期',
    download: '下载',
    downloadOf: '下载 {{title}}',
    downloaded: '已下载：{{title}}',
    kind: {
      receipt: '收件回执',
      acceptance: '受理通知书',
      materials: '补正材料通知书',
      refusal: '不予受理通知书',
      denial: '不予许可决定书',
      approval: '准予许可决定书',
      service: '送达回证',
    },
  },
  en: {
    title: 'Case documents',
    empty: 'No documents yet',
    docNo: 'Reference',
    issuedOn: 'Date',
    download: 'Download',
    downloadOf: 'Download {{title}}',
    downloaded: 'Downloaded: {{title}}',
    kind: {
      receipt: 'Receipt',
      acceptance: 'Notice of acceptance',
      materials: 'Notice to supply materials',
      refusal: 'Notice of refusal to accept',
      denial: 'Decision to deny the licence',
      approval: 'Decision to grant the licence',
      service: 'Proof of service',
    },
  },
};
