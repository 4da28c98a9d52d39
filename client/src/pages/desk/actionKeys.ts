import type { ActionType } from '../../../../workflows/caseEvents';

/**
 * The one key of each action, for ever: a clerk's fingers learn "A accepts", so a key never moves to
 * another action when the set on offer changes (number keys did: 4 was 准予许可 until an extension, then
 * 不予许可). Typed over every action type, so a new action does not compile until it has its key.
 * Letters only; the case page keeps Esc, and Ctrl+Enter submits a form. Documented in docs/web.md.
 */
export const ACTION_KEYS: Record<ActionType, string> = {
  ACCEPT: 'A', // 受理
  REQUEST_MATERIALS: 'M', // 一次性告知补正 (materials)
  SUPPLY_MATERIALS: 'S', // 补正材料 (supply)
  REFUSE: 'N', // 不予受理 (no)
  FORWARD: 'F', // 报送上级
  RETURN: 'R', // 退回
  START_SPECIAL: 'P', // 特别程序 (procedure)
  END_SPECIAL: 'E', // 特别程序结束 (end)
  EXTEND: 'X', // 延期 (extend)
  APPROVE: 'Y', // 准予许可 (yes)
  DENY: 'D', // 不予许可 (deny)
  ISSUE: 'I', // 制证 (issue)
  DELIVER: 'V', // 送达 (deliver)
  COMPLETE: 'C', // 办结 (complete)
  WITHDRAW: 'W', // 撤回 (withdraw)
  CHOOSE_DELIVERY: 'O', // 变更送达方式 (the applicant's; never offered at a desk)
  AMEND: 'U', // 补正/更正案卷 (update the file)
  URGE: 'G', // 督办 (urge)
  URGE_REPLY: 'L', // 回复督办 (reply)
  APPLICANT_URGE: 'H', // 催办 (the applicant's: hurry)
};

/** The hotkey map for the actions on offer: both cases of each letter (Caps Lock or Shift must not matter). */
export function actionHotkeys(actions: readonly ActionType[], pick: (a: ActionType) => void): Record<string, () => void> {
  return Object.fromEntries(actions.flatMap((a) => [ACTION_KEYS[a], ACTION_KEYS[a].toLowerCase()].map((k) => [k, () => pick(a)])));
}
