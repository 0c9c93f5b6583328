import { formatClock } from './versions/format-time';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving'; what: string }
  | { state: 'saved'; what: string; at: Date }
  | { state: 'refused'; what: string; message: string }
  /** A step that is not a cell save: an undo, a redo, a row inserted, moved or deleted. */
  | { state: 'done'; message: string; at: Date };

export function saveStatusText(status: SaveStatus): string {
  switch (status.state) {
    case 'idle':
      return '选中单元格直接输入，或双击修改；每次修改都会立即保存到数据库。';
    case 'saving':
      return `正在保存 ${status.what}……`;
    case 'saved':
      return `已保存 ${status.what}（${formatClock(status.at)}）`;
    case 'refused':
      return `未保存：${status.message}`;
    case 'done':
      return `${status.message}（${formatClock(status.at)}）`;
  }
}
