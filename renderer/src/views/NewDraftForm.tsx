// 新建草案: a new catalogue copied from one (or empty), for a period (十五五 unless chosen otherwise).
// The source is never changed; the draft opens as soon as it exists.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { DEFAULT_DRAFT_PERIOD } from '../../../shared/domain/catalogue';
import type { CatalogueSummary } from '../../../shared/domain/catalogue';
import { errorMessage, invoke } from '../api/client';
import { DraftFields } from './DraftFields';

/** 河北省“十三五”基本公共服务清单 → 河北省“十五五”基本公共服务清单（草案）. */
export function draftName(source: CatalogueSummary | null, period: string): string {
  if (!source) return `“${period}”基本公共服务清单（草案）`;
  return `${source.name.replace(source.period, period)}（草案）`;
}

export function NewDraftForm({ catalogues, source, onCancel }: { catalogues: CatalogueSummary[]; source: string | null; onCancel: () => void }) {
  const [sourceId, setSourceId] = useState<string>(source ?? '');
  const picked = catalogues.find((c) => c.id === sourceId) ?? null;
  const [period, setPeriod] = useState<string>(DEFAULT_DRAFT_PERIOD.period);
  const [name, setName] = useState(() => draftName(picked, DEFAULT_DRAFT_PERIOD.period));
  const [region, setRegion] = useState(picked?.regionName ?? '');
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });

  const choose = (id: string) => {
    const next = catalogues.find((c) => c.id === id) ?? null;
    setSourceId(id);
    setName(draftName(next, period));
    setRegion(next?.regionName ?? '');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ busy: true, message: null });
    try {
      const draft = await invoke('catalogues.createDraft', {
        sourceId: sourceId || null,
        name,
        period,
        ...(region.trim() ? { regionName: region } : {}),
      });
      window.location.hash = `#/catalogue/${encodeURIComponent(draft.id)}`;
    } catch (error) {
      setState({ busy: false, message: errorMessage(error) });
    }
  };

  return (
    <form className="draft-form" aria-label="新建草案" onSubmit={(e) => void submit(e)}>
      <h2>新建草案</h2>
      <label>
        依据
        <select value={sourceId} onChange={(e) => choose(e.target.value)}>
          <option value="">空白清单（只含八个领域）</option>
          {catalogues.map((c) => (
            <option key={c.id} value={c.id}>{c.name}（{c.itemCount} 项）</option>
          ))}
        </select>
      </label>
      <DraftFields
        name={name}
        onName={setName}
        region={region}
        onRegion={setRegion}
        period={period}
        onPeriod={(p) => { setPeriod(p); setName(draftName(picked, p)); }}
        autoFocusName
      />
      <p className="muted">服务项目和测算参数都会复制到草案里，每一项记住它来自哪一项；原清单不会改动。</p>
      {state.message && <p className="error" role="alert">{state.message}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={state.busy}>{state.busy ? '正在新建……' : '新建'}</button>
        <button type="button" onClick={onCancel} disabled={state.busy}>取消</button>
      </div>
    </form>
  );
}
