// 撤销 and 重做 for a toolbar, each titled with the step it takes.
import type { HistoryState } from '../../../shared/domain/history';
import type { Direction } from './useHistorySteps';

export function HistoryButtons({ history, onStep }: { history: HistoryState; onStep: (direction: Direction) => void }) {
  return (
    <>
      <button type="button" disabled={!history.undo} title={history.undo ?? '没有可以撤销的操作'} onClick={() => onStep('undo')}>
        撤销
      </button>
      <button type="button" disabled={!history.redo} title={history.redo ?? '没有可以重做的操作'} onClick={() => onStep('redo')}>
        重做
      </button>
    </>
  );
}
