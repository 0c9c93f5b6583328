/** The step a key press asks of the catalogue's history: Ctrl+Z undoes, Ctrl+Y or Ctrl+Shift+Z redoes (⌘ too). */
export type HistoryDirection = 'undo' | 'redo';

export function historyKeyDirection(event: KeyboardEvent): HistoryDirection | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  return key === 'z' && !event.shiftKey ? 'undo' : key === 'y' || (key === 'z' && event.shiftKey) ? 'redo' : null;
}
