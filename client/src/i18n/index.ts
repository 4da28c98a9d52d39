import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { admin } from './admin';
import { applicant } from './applicant';
import { common } from './common';
import { dashboard } from './dashboard';
import { desk } from './desk';
import { documents } from './documents';
import { errors } from './errors';
import { files } from './files';
import { licences } from './licences';
import { publicity } from './publicity';
import { licenceOps } from './licenceOps';
import { commitments } from './commitments';
import { certificates } from './certificates';
import { search } from './search';
import { marketAgencies } from './marketAgencies';
import { marketOrders } from './marketOrders';
import { marketRatings } from './marketRatings';
import { projectBoard } from './projectBoard';
import { proxy } from './proxy';
import { projects } from './projects';
import { transfers } from './transfers';
import { ratings } from './ratings';
import { powers } from './powers';
import { delegations } from './delegations';

export type Lang = 'zh' | 'en';
const KEY = 'approval.lang';

// One namespace per face of the app, so each screen's words live beside each other.
const namespaces = { common, applicant, desk, dashboard, admin, errors, search, files, licences, licenceOps, documents, publicity, commitments, certificates, marketAgencies, marketOrders, marketRatings, projectBoard, proxy, projects, transfers, ratings, powers, delegations };

export function initialLang(): Lang {
  const saved = localStorage.getItem(KEY);
  return saved === 'en' || saved === 'zh' ? saved : 'zh';
}

void i18n.use(initReactI18next).init({
  lng: initialLang(),
  fallbackLng: 'zh',
  defaultNS: 'common',
  ns: Object.keys(namespaces),
  resources: {
    zh: Object.fromEntries(Object.entries(namespaces).map(([ns, r]) => [ns, r.zh])),
    en: Object.fromEntries(Object.entries(namespaces).map(([ns, r]) => [ns, r.en])),
  },
  interpolation: { escapeValue: false },
  // A key found in neither language is a console error, which fails the browser tests (both trees hold the
  // same keys: tests/unit/i18nKeys.test.ts).
  saveMissing: true,
  missingKeyHandler: (_lngs, ns, key) => console.error(`i18n: missing key ${ns}:${key}`),
});

export function setLang(lang: Lang): void {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(lang);
}

export default i18n;
