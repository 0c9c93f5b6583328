// The catalogue's name at the head of its page, renamed in place while it is not published (a draft's
// "（草案）" dropped before publication: the annex prints the name as its title). Enter or leaving the box saves,
// Esc keeps the old name; a refused name stays in the box with the reason beside it.
import { useState } from 'react';
import type { CatalogueSummary } from '../../../shared/domain/catalogue';
import { errorMessage, invoke } from '../api/client';
import { composing } from '../components/ime';

export function CatalogueName({ summary, onChanged }: { summary: CatalogueSummary; onChanged: () => Promise<void> }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const renamable = summary.status !== 'published';
  const save = async (name: string) => {
    if (name.trim() === summary.name) return setEditing(null);
    try {
      await invoke('catalogues.rename', { catalogueId: summary.id, name, expected: summary.name });
      setEditing(null);
      setMessage(null);
      await onChanged();
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  if (editing === null) {
    return (
      <>
        <h1>{summary.name}</h1>
        {renamable && (
          <button type="button" className="rename" title="修改清单名称（附件标题随之改变）" onClick={() => {
              setMessage(null);
              setEditing(summary.name);
            }}>
            改名
          </button>
        )}
      </>
    );
  }
  return (
    <>
      <input
        className="rename-box"
        aria-label="清单名称"
        value={editing}
        maxLength={100}
        size={Math.max(20, [...editing].length + 2)}
        autoFocus
        onChange={(e) => setEditing(e.target.value)}
        onBlur={() => void save(editing)}
        onKeyDown={(e) => {
          if (composing(e.nativeEvent)) return;
          if (e.key === 'Enter') void save(editing);
          if (e.key === 'Escape') {
            setEditing(null);
            setMessage(null);
          }
        }}
      />
      {message && <span className="error" role="alert">{message}</span>}
    </>
  );
}
