import { Cascader, Grid, type CascaderProps } from 'antd';
import type { CentreOption } from './centreOptions';

/**
 * The county → town → centre picker. On a phone its three columns share the input's width (each item's
 * name wraps) instead of standing side by side wider than the screen, which pushed the county column off
 * the left edge while a village was being chosen (styles.css, `.centre-picker-popup`).
 */
export function CentrePicker(props: CascaderProps<CentreOption, keyof CentreOption, false>) {
  const phone = !Grid.useBreakpoint().sm;
  return <Cascader<CentreOption> {...props} popupMatchSelectWidth={phone} classNames={phone ? { popup: { root: 'centre-picker-popup' } } : undefined} />;
}
