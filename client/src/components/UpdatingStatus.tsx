import { Spin } from 'antd';

/**
 * "Updating…" while a screen that already shows data reloads it. A status
 * region that is always there, so a screen reader announces the words when
 * they appear; the spinner itself is decoration. (antd's Spin is a plain div:
 * an aria-label on it is prohibited by ARIA, and axe says so.)
 */
export function UpdatingStatus({ busy, label }: { busy: boolean; label: string }) {
  return (
    <span role="status" data-testid="updating" data-busy={busy}>
      {busy && (
        <>
          <Spin size="small" aria-hidden />
          <span className="visually-hidden">{label}</span>
        </>
      )}
    </span>
  );
}
