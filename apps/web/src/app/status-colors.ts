// One colour per state, distinct within each state family, shared by the big screen's donut and the workbench's
// charts, so that 已派单 and 已验收 never look alike.
import type { OrderStatus, ProblemStatus, TaskState } from '@wenming/contracts';

export const problemStatusColors: Record<ProblemStatus, string> = {
  reported: '#fa8c16',
  assigned: '#1677ff',
  rectifying: '#13c2c2',
  submitted: '#722ed1',
  verified: '#52c41a',
  closed: '#8c8c8c',
  returned: '#f5222d',
  reopened: '#eb2f96',
  disputed: '#fadb14',
  duplicate: '#d4b106',
};

export const taskStateColors: Record<TaskState, string> = {
  assigned: '#1677ff',
  in_progress: '#13c2c2',
  reported: '#722ed1',
  returned: '#fa8c16',
  accepted: '#52c41a',
  overdue: '#f5222d',
};

export const orderStatusColors: Record<OrderStatus, string> = {
  submitted: '#fa8c16',
  reviewed: '#faad14',
  dispatched: '#1677ff',
  offered: '#2f54eb',
  accepted: '#13c2c2',
  completed: '#722ed1',
  rated: '#52c41a',
  returned: '#f5222d',
  rejected: '#8c8c8c',
  cancelled: '#bfbfbf',
  merged: '#d3adf7',
};

/** A state's colour in its family, or undefined (the chart's palette) for other codes. */
export function stateColor(family: string, code: string): string | undefined {
  const map: Record<string, Record<string, string>> = {
    problemStatus: problemStatusColors,
    taskState: taskStateColors,
    orderStatus: orderStatusColors,
  };
  return map[family]?.[code];
}
