import { admin } from '../../client/src/i18n/admin';
import { commitments } from '../../client/src/i18n/commitments';
import { licenceOps } from '../../client/src/i18n/licenceOps';
import { applicant } from '../../client/src/i18n/applicant';
import { common } from '../../client/src/i18n/common';
import { dashboard } from '../../client/src/i18n/dashboard';
import { desk } from '../../client/src/i18n/desk';
import { documents } from '../../client/src/i18n/documents';
import { errors } from '../../client/src/i18n/errors';
import { files } from '../../client/src/i18n/files';
import { certificates } from '../../client/src/i18n/certificates';
import { marketAgencies } from '../../client/src/i18n/marketAgencies';
import { marketRatings } from '../../client/src/i18n/marketRatings';
import { projectBoard } from '../../client/src/i18n/projectBoard';
import { licences } from '../../client/src/i18n/licences';
import { publicity } from '../../client/src/i18n/publicity';
import { search } from '../../client/src/i18n/search';
import { marketOrders } from '../../client/src/i18n/marketOrders';
import { proxy } from '../../client/src/i18n/proxy';
import { projects } from '../../client/src/i18n/projects';
import { transfers } from '../../client/src/i18n/transfers';
import { ratings } from '../../client/src/i18n/ratings';
import { powers } from '../../client/src/i18n/powers';
import { delegations } from '../../client/src/i18n/delegations';
import { ACTION_TYPES } from '../../workflows/caseEvents';

/*
 * Every word a user reads exists in both languages. The web app falls back to
 * Chinese, so a key missing in English would never show as missing on a
 * screen: the two trees of every namespace must hold the same keys, each a
 * non-empty string. (A key missing in both is a console error, which fails
 * the browser tests: client/src/i18n/index.ts.)
 */

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

const namespaces = { admin, certificates, marketAgencies, marketRatings, commitments, licenceOps, applicant, common, dashboard, desk, documents, errors, files, licences, publicity, search, marketOrders, projectBoard, proxy, projects, transfers, ratings, powers, delegations } as unknown as Record<string, { zh: Tree; en: Tree }>;

describe.each(Object.keys(namespaces))('namespace %s', (ns) => {
  const zh = leaves(namespaces[ns]!.zh);
  const en = leaves(namespaces[ns]!.en);

  it('has the same keys in Chinese and English', () => {
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('has no empty words', () => {
    const empty = [...zh, ...en].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });
});

it('names every event of a case history in both languages', () => {
  const events = [...ACTION_TYPES, 'SUBMIT', 'CLOCK_WARNING', 'ESCALATE'];
  const named = (lang: 'zh' | 'en') => Object.keys((common[lang] as unknown as { event: Record<string, string> }).event);
  expect(events.filter((e) => !named('zh').includes(e))).toEqual([]);
  expect(events.filter((e) => !named('en').includes(e))).toEqual([]);
});
