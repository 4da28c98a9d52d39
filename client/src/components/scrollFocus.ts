/**
 * antd tables that scroll sideways on a narrow screen put their columns in a
 * scroll box the keyboard cannot reach (WCAG 2.1.1). Every table's scroll box
 * is made focusable as it appears, app-wide, instead of in each screen.
 */
export function makeTableScrollFocusable(root: HTMLElement): () => void {
  const fix = () =>
    root.querySelectorAll<HTMLElement>('.ant-table-content:not([tabindex])').forEach((el) => {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      const caption = el.closest('.ant-card')?.querySelector('.ant-card-head-title')?.textContent;
      if (caption) el.setAttribute('aria-label', caption);
    });
  const observer = new MutationObserver(fix);
  observer.observe(root, { childList: true, subtree: true });
  fix();
  return () => observer.disconnect();
}
