/** The words of the delegation pages (赋权: the pilot towns' delegated powers). */
const zh = {
  pageTitle: '试点镇赋权事项',
  title: '强镇扩权 · 赋权事项',
  intro: '县级部门依法委托试点镇受理、审查、决定下列事项；镇以委托部门的名义作出决定。',
  towns: '试点镇',
  town: {
    county: '{{county}}',
    until: '{{date}} 撤镇设市',
    inForce: '现行委托书 {{deeds}} 份，事项 {{items}} 项',
  },
  total: '共 {{n}} 份委托书',
  empty: '该镇没有委托书',
  deed: {
    no: '文号',
    body: '委托机关',
    scope: '委托范围',
    term: '委托期限',
    published: '公布日期',
    revoked: '{{date}} 起撤销：{{reason}}',
    items: '委托事项（{{n}} 项）',
  },
  scope: { accept: '受理', review: '审查', decide: '决定' },
  standing: { pending: '未生效', in_force: '有效', expired: '已到期', revoked: '已撤销' },
  filter: { all: '全部', in_force: '仅现行' },
  /** Under a route step a deed moved to the town (the case page's route map). */
  routeStep: '受委托（{{deedNo}}）',
};

const en: typeof zh = {
  pageTitle: 'Pilot towns’ delegated powers',
  title: 'Powers delegated to the pilot towns',
  intro: 'County departments delegate to the pilot towns the acceptance, review and decision of the items below; the town decides in the delegating department’s name.',
  towns: 'Pilot towns',
  town: {
    county: '{{county}}',
    until: 'became a city after {{date}}',
    inForce: '{{deeds}} deeds in force, {{items}} items',
  },
  total: '{{n}} deeds',
  empty: 'No deeds for this town',
  deed: {
    no: 'Deed no.',
    body: 'Delegating body',
    scope: 'Scope',
    term: 'Term',
    published: 'Published',
    revoked: 'Revoked from {{date}}: {{reason}}',
    items: 'Delegated items ({{n}})',
  },
  scope: { accept: 'accept', review: 'review', decide: 'decide' },
  standing: { pending: 'not yet in force', in_force: 'in force', expired: 'expired', revoked: 'revoked' },
  filter: { all: 'All', in_force: 'In force only' },
  routeStep: 'by delegation ({{deedNo}})',
};

export const delegations = { zh, en };
