/** Words of the applicant's screens: catalogue, guide, filing, tracking. */
export const applicant = {
  zh: {},
  en: {},
};
