import { useEffect, useRef } from 'react';

/** True when the key press belongs to a text field, an input method's composition, a menu or a dialog, not to the page. */
function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return (
    e.isComposing ||
    tag === 'INPUT' ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    el.isContentEditable ||
    !!el.closest('[role="combobox"], [role="textbox"], .ant-select-dropdown, .ant-cascader-dropdown, .ant-dropdown, .ant-modal, .ant-drawer')
  );
}

/**
 * Page-wide keys for people who work without the mouse. Keys are matched on
 * `KeyboardEvent.key`; they are ignored while typing in a field or a dialog.
 */
export function useHotkeys(map: Record<string, (e: KeyboardEvent) => void>, enabled = true): void {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
      const fn = ref.current[e.key];
      if (fn) {
        e.preventDefault();
        fn(e);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
