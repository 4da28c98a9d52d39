/** Words of the admin screens. */
export const admin = {
  zh: {},
  en: {},
};
