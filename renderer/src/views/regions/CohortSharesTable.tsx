// 人群比例: the cohorts a province, city or county gives as a share of another (60岁及以上 of 常住人口), with
// each share's source and status; a share changed in place, added, or deleted. A share typed without a
// source is marked 待核实. Every catalogue is priced again from the new population.
import { useCallback, useState } from 'react';
import { RESIDENTS } from '../../../../shared/domain/pricing/regions';
import type { CohortShareRow, RegionRow } from '../../../../shared/domain/pricing/results';
import { errorMessage, invoke } from '../../api/client';
import { useRegionsReload } from './useRegionsReload';
import { Provenance } from './RegionTreeTable';
import { TwoStepButton } from '../../components/TwoStepButton';
import { useEditBox } from '../../components/useEditBox';

type Status = { ok: boolean; text: string } | null;

export function CohortSharesTable({ rootCode, regions }: { rootCode: string; regions: RegionRow[] | null }) {
  const [shares, setShares] = useState<CohortShareRow[] | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const load = useCallback(async () => {
    try {
      setShares(await invoke('shares.list', { rootCode }));
    } catch (e) {
      setStatus({ ok: false, text: `未能读取人群比例：${errorMessage(e)}` });
    }
  }, [rootCode]);
  useRegionsReload(load, () => setShares(null));

  const save = async (request: { regionCode: string; cohort: string; baseCohort: string; sharePct: string; source: string | null; expected: string | null }) => {
    try {
      const saved = await invoke('shares.set', request);
      // Shown at once, with the status: a box typed into right after must send the value it now shows.
      setShares((list) => list && list.map((s) => (sameShare(s, saved) ? saved : s)));
      setStatus({ ok: true, text: `已保存 ${saved.regionName}的“${saved.cohort}”比例（${saved.sharePct}% 的${saved.baseCohort}）${saved.status === 'unverified' ? '，未注明出处，标为待核实' : ''}` });
      // The whole list comes again with the change event (a new share takes its place in order).
      return saved;
    } catch (e) {
      // The message names the share and says it was not saved.
      setStatus({ ok: false, text: errorMessage(e) });
      return null;
    }
  };
  const remove = async (share: CohortShareRow) => {
    try {
      await invoke('shares.delete', { regionCode: share.regionCode, cohort: share.cohort, expected: share.sharePct });
      setShares((list) => list && list.filter((s) => !sameShare(s, share)));
      setStatus({ ok: true, text: `已删除 ${share.regionName}的“${share.cohort}”比例` });
    } catch (e) {
      setStatus({ ok: false, text: `未删除：${errorMessage(e)}` });
    }
  };

  return (
    <section className="cohort-shares" aria-label="人群比例">
      <h2>人群比例</h2>
      <p className="muted">某人群没有人数时，按它占另一人群的比例推算（如 60岁及以上 占 常住人口 的比例）；市、县没有自己的比例时沿用上级的。</p>
      {status && (
        <p className={`save-status ${status.ok ? 'save-saved' : 'save-refused'}`} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      <AddShare rootCode={rootCode} regions={regions} shares={shares ?? []} onAdd={(request) => save({ ...request, expected: null })} />
      {!shares ? (
        <p className="muted">正在读取人群比例……</p>
      ) : shares.length === 0 ? (
        <p className="muted">这个省还没有人群比例。</p>
      ) : (
        <div className="shares-scroll">
        <table className="table compact shares-table" aria-label="人群比例表">
          <thead>
            <tr>
              <th>行政区</th><th>人群</th><th>占</th><th className="num">比例（%）</th><th>出处</th><th>状态</th><th />
            </tr>
          </thead>
          <tbody>
            {shares.map((s) => (
              <tr key={`${s.regionCode}|${s.cohort}`} data-share={`${s.regionCode}|${s.cohort}`}>
                <td>{s.regionName}</td>
                <td>{s.cohort}</td>
                <td>{s.baseCohort}</td>
                <td className="num">
                  <ShareInput share={s} onSave={(sharePct, expected) => save({ regionCode: s.regionCode, cohort: s.cohort, baseCohort: s.baseCohort, sharePct, source: null, expected })} />
                </td>
                <td className="source">{s.source}</td>
                <td><Provenance status={s.status} /></td>
                <td className="actions"><TwoStepButton text="删除" confirmText="确认删除" label={`删除${s.regionName}的“${s.cohort}”比例`} onConfirm={() => void remove(s)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}

const sameShare = (a: CohortShareRow, b: CohortShareRow) => a.regionCode === b.regionCode && a.cohort === b.cohort;

/** The percent edited in place (useEditBox): Enter or leaving the box saves it; a refusal after Enter keeps it to retype. */
function ShareInput({ share, onSave }: { share: CohortShareRow; onSave: (sharePct: string, expected: string) => Promise<CohortShareRow | null> }) {
  const box = useEditBox(share.sharePct, async (typed, expected) => (await onSave(typed, expected))?.sharePct ?? null);
  return <input className="growth-input" aria-label={`${share.regionName}${share.cohort}比例`} size={7} {...box} />;
}

interface NewShare {
  regionCode: string;
  cohort: string;
  baseCohort: string;
  sharePct: string;
  source: string | null;
}

function AddShare({ rootCode, regions, shares, onAdd }: { rootCode: string; regions: RegionRow[] | null; shares: CohortShareRow[]; onAdd: (share: NewShare) => Promise<CohortShareRow | null> }) {
  const empty = { regionCode: rootCode, cohort: '', baseCohort: RESIDENTS, sharePct: '', source: '' };
  const [form, setForm] = useState(empty);
  const [root, setRoot] = useState(rootCode);
  if (root !== rootCode) {
    setRoot(rootCode);
    setForm(empty);
  }
  const cohorts = [...new Set([RESIDENTS, ...shares.flatMap((s) => [s.cohort, s.baseCohort])])];
  const field = (key: keyof typeof empty) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });
  const submit = async () => {
    if (await onAdd({ ...form, source: form.source.trim() || null })) setForm({ ...empty, regionCode: form.regionCode, baseCohort: form.baseCohort });
  };
  return (
    <form className="form-line add-share" aria-label="添加人群比例" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label>
        行政区
        <select aria-label="比例所属行政区" {...field('regionCode')}>
          {(regions ?? []).map((r) => (
            <option key={r.code} value={r.code}>{r.level === 'county' ? '　' : ''}{r.name}</option>
          ))}
        </select>
      </label>
      <label>
        人群
        <input aria-label="人群" list="share-cohorts" placeholder="如 低保对象" size={14} {...field('cohort')} />
      </label>
      <label>
        占
        <input aria-label="基数人群" list="share-cohorts" size={12} {...field('baseCohort')} />
      </label>
      <label>
        比例（%）
        <input aria-label="比例" size={6} {...field('sharePct')} />
      </label>
      <label>
        出处
        <input aria-label="出处" placeholder="可空，空则标为待核实" size={22} {...field('source')} />
      </label>
      <datalist id="share-cohorts">
        {cohorts.map((c) => <option key={c} value={c} />)}
      </datalist>
      <button type="submit">添加</button>
    </form>
  );
}
