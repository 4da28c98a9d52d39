/** Words of the staff screens: log-in, queue, case page. */
export const desk = {
  zh: { wrongRole: '您的角色无权使用此页面' },
  en: { wrongRole: 'Your role may not use this page' },
};
