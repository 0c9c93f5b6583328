// The history panel beside the 条目 grid: the changes of the selected cell (or of its whole item), newest
// first, from the change log, with 恢复 on an old value. 恢复 is an ordinary edit (items.update with the
// value the panel shows as expected), so it is one more undo step and refused if the cell changed meanwhile.
import { useCallback, useEffect, useState } from 'react';
import type { ColumnLabels } from '../../../../shared/domain/catalogue';
import { HISTORY_ENTRY_STATE_LABELS } from '../../../../shared/domain/item-history';
import type { ItemHistory, ItemHistoryEntry } from '../../../../shared/domain/item-history';
import { normaliseCellText } from '../../../../shared/domain/cell-text';
import { errorMessage, invoke, onChanged } from '../../api/client';
import type { FocusedCell } from '../ItemsView';
import { formatTime } from './format-time';
import './versions.css';

const ORIGINS: Record<string, string> = { app: '', cli: '命令行', test: '', seed: '种子' };

function Value({ text }: { text: string | null }) {
  return text === null || text === '' ? <span className="unfilled">（空）</span> : <span className="history-value">{text}</span>;
}

export function HistoryPanel({ catalogueId, cell, labels, readOnly, refreshKey, onRestored, onClose }: {
  catalogueId: string;
  cell: FocusedCell;
  labels: ColumnLabels;
  readOnly: boolean;
  /** Changes whenever the catalogue was read again (an undo, an insert …): the history is read again too. */
  refreshKey: unknown;
  onRestored: () => Promise<void>;
  onClose: () => void;
}) {
  const [scope, setScope] = useState<'cell' | 'item'>('cell');
  const [history, setHistory] = useState<ItemHistory | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    if (!cell.itemId) return setHistory(null);
    try {
      setHistory(await invoke('history.item', { itemId: cell.itemId }));
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    }
  }, [cell.itemId]);
  // Read again whenever the cursor lands on a cell (the same one too: it may have been edited since) and
  // after the catalogue was read again; what 恢复 said stays until the cursor moves.
  useEffect(() => void load(), [load, refreshKey, cell]);
  useEffect(() => setMessage(null), [cell]);
  // Changes committed elsewhere (another window, the CLI, an undo) reach the panel too.
  useEffect(() => onChanged((event) => (event.catalogueId === catalogueId ? void load() : undefined)), [catalogueId, load]);

  const field = scope === 'cell' ? cell.field : null;
  const entries = (history?.entries ?? []).filter((e) => field === null || e.field === field);
  const restore = async (entry: ItemHistoryEntry) => {
    if (!history?.current || !entry.field) return;
    setBusy(true);
    try {
      const { item } = await invoke('items.update', { itemId: history.itemId, field: entry.field, value: entry.before, expected: history.current[entry.field] });
      setMessage({ text: `已将第${item.itemNo}项的“${labels[entry.field]}”恢复为 ${formatTime(entry.at)} 修改前的内容（可撤销）。`, error: false });
      await onRestored();
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    } finally {
      setBusy(false);
      await load();
    }
  };
  const current = (entry: ItemHistoryEntry) => (entry.field && history?.current ? history.current[entry.field] : undefined);

  return (
    <aside className="history-panel" aria-label="修改历史">
      <header>
        <h2>修改历史</h2>
        <div className="sub-tabs" role="tablist" aria-label="历史范围">
          <button type="button" role="tab" aria-selected={scope === 'cell'} className={scope === 'cell' ? 'active' : ''} onClick={() => setScope('cell')}>本格</button>
          <button type="button" role="tab" aria-selected={scope === 'item'} className={scope === 'item' ? 'active' : ''} onClick={() => setScope('item')}>本项</button>
        </div>
        <button type="button" className="history-close" aria-label="关闭修改历史" onClick={onClose}>×</button>
      </header>
      {!cell.itemId && <p className="muted">在表格中点选一个单元格，这里列出它的修改记录。</p>}
      {cell.itemId && (
        <p className="history-target">
          {scope === 'cell' && cell.field ? `“${labels[cell.field]}”一栏` : '整个服务项目'}
          {history?.current ? `：${history.current.name}` : '（已删除）'}
        </p>
      )}
      {message && <p className={message.error ? 'error' : 'history-message'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {cell.itemId && history && entries.length === 0 && <p className="muted">{scope === 'cell' && cell.field ? '这一栏' : '这一项'}还没有修改记录。</p>}
      <ol className="history-entries">
        {entries.map((entry) => {
          const now = current(entry);
          const canRestore = !readOnly && entry.kind === 'field' && now !== undefined && normaliseCellText(now) !== normaliseCellText(entry.before);
          return (
            <li key={entry.changeId} className={`history-entry state-${entry.state}`} data-change-id={entry.changeId}>
              <div className="history-when">
                <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                {ORIGINS[entry.origin] ? <span className="muted">（{ORIGINS[entry.origin]}）</span> : null}
                {entry.state !== 'done' && <span className="history-state">{HISTORY_ENTRY_STATE_LABELS[entry.state]}</span>}
              </div>
              <div className="history-what">{scope === 'item' || entry.kind !== 'field' ? entry.description : '修改'}</div>
              {(entry.kind === 'field' || entry.kind === 'driver') && (
                <div className="history-change">
                  <div>
                    <span className="history-label">修改前</span>
                    <Value text={entry.before} />
                    {canRestore && <button type="button" disabled={busy} title="把这一栏改回修改前的内容（作为一次新的修改，可撤销）" onClick={() => void restore(entry)}>恢复</button>}
                  </div>
                  <div><span className="history-label">修改后</span><Value text={entry.after} /></div>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
