/** The rule's words are served in both languages: pick the viewer's. */
export const i18nLang = (lng: string | undefined): 'zh' | 'en' => (lng?.startsWith('en') ? 'en' : 'zh');
