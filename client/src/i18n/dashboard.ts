/** Words of the dashboard screens. */
export const dashboard = {
  zh: {},
  en: {},
};
