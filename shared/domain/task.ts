// Annex 2 of a plan, 重点任务分工方案: the key tasks and the units responsible for each, lead unit first.

export interface CatalogueTask {
  id: string;
  catalogueId: string;
  /** 序号 as published. */
  taskNo: number;
  task: string;
  responsibleUnits: string;
}

export const TASK_FIELDS = ['task', 'responsibleUnits'] as const;
export type TaskField = (typeof TASK_FIELDS)[number];

export const TASK_FIELD_LABELS: Record<TaskField, string> = { task: '重点任务', responsibleUnits: '责任单位' };
