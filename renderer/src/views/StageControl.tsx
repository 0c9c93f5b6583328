// Where a catalogue stands: a draft's stage is chosen here (草稿 → 征求意见稿 → 送审稿 → 已发布); a published
// catalogue is fixed, and a new draft is started from it in one click.
import { useState } from 'react';
import { DEFAULT_DRAFT_PERIOD, DRAFT_STAGES, DRAFT_STAGE_LABELS } from '../../../shared/domain/catalogue';
import type { CatalogueSummary, DraftStage } from '../../../shared/domain/catalogue';
import { errorMessage, invoke } from '../api/client';
import { CatalogueStatusBadge } from '../components/StatusBadge';
import { draftName } from './NewDraftForm';

export function StageControl({ summary, onChanged }: { summary: CatalogueSummary; onChanged: () => Promise<void> }) {
  const [message, setMessage] = useState<string | null>(null);
  // 已发布 is asked for in the page, not with confirm(): its buttons would be the system's (OK / Cancel).
  const [askingToPublish, setAskingToPublish] = useState(false);
  const stage = summary.stage ?? null;
  if (stage === null || stage === 'published') return <CatalogueStatusBadge status={summary.status} stage={stage} />;
  const change = async (next: DraftStage) => {
    setAskingToPublish(false);
    try {
      await invoke('catalogues.setStage', { catalogueId: summary.id, stage: next, expected: stage });
      setMessage(null);
      await onChanged();
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  return (
    <>
      <select
        className="stage-select"
        aria-label="清单状态"
        value={stage}
        onChange={(e) => {
          const next = e.target.value as DraftStage;
          if (next === 'published') setAskingToPublish(true);
          else void change(next);
        }}
      >
        {DRAFT_STAGES.map((s) => <option key={s} value={s}>{DRAFT_STAGE_LABELS[s]}</option>)}
      </select>
      {askingToPublish && (
        <span className="confirm-inline publish-confirm" role="alertdialog" aria-label="确认发布">
          <span>
            发布后这份清单不能再修改（可基于它新建草案）。
            {/草案/u.test(summary.name) ? `名称“${summary.name}”仍带“草案”字样，附件标题也是如此；如需去掉，请先取消，点名称旁的“改名”。` : ''}
          </span>
          <button type="button" className="danger" onClick={() => void change('published')}>确定发布</button>
          <button type="button" onClick={() => setAskingToPublish(false)}>取消</button>
        </span>
      )}
      {message && <span className="error" role="alert">{message}</span>}
    </>
  );
}

/** Shown above a published catalogue's grid: why it cannot be edited, and the way on. */
export function PublishedNote({ summary }: { summary: CatalogueSummary }) {
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  const start = async () => {
    setState({ busy: true, message: null });
    try {
      const draft = await invoke('catalogues.createDraft', { sourceId: summary.id, name: draftName(summary, DEFAULT_DRAFT_PERIOD.period) });
      window.location.hash = `#/catalogue/${encodeURIComponent(draft.id)}`;
    } catch (error) {
      setState({ busy: false, message: errorMessage(error) });
    }
  };
  return (
    <div className="readonly-note">
      <span>这份清单已发布，表格只能查看。要修改，请基于它新建草案（复制全部服务项目和测算参数，原清单不变）。</span>
      <button type="button" disabled={state.busy} onClick={() => void start()}>{state.busy ? '正在新建……' : '基于此新建草案'}</button>
      {state.message && <span className="error" role="alert">{state.message}</span>}
    </div>
  );
}
