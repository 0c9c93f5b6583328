// Creating or editing a province's own split rule; checked here with the Node side's own rule check
// before it is sent, and a refusal shown as the Node side words it.
import { useEffect, useRef, useState } from 'react';
import { COUNTY_CLASSES } from '../../../../shared/domain/pricing/regions';
import { ruleProblems } from '../../../../shared/domain/pricing/split-rules';
import { errorMessage, invoke } from '../../api/client';
import { EMPTY_ROW, rowsOf } from './rule-form';
import type { FormRow, RuleDraft } from './rule-form';

const GRADES = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

interface Props {
  initial: RuleDraft;
  onDone: (message: string | null) => void;
}

export function RuleForm({ initial, onDone }: Props) {
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // The form opens at the top of the panel: 修改 on a card far down the list must bring it into view. Only the
  // panel scrolls (scrollIntoView also scrolled the page under the app's fixed frame, taking its bar away).
  const form = useRef<HTMLFormElement>(null);
  const nameBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const panel = form.current?.closest('.rules-panel');
    if (form.current && panel) panel.scrollTop += form.current.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    nameBox.current?.focus({ preventScroll: true });
  }, []);
  const setRow = (index: number, patch: Partial<FormRow>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));

  const save = async () => {
    const rows = rowsOf(draft);
    const found = ruleProblems({ name: draft.name.trim(), rows });
    if (draft.provinceCode.trim() !== '' && !/^\d{2}0000$/u.test(draft.provinceCode.trim())) found.push('省份代码应是 6 位省级区划代码（如 130000），或留空表示各省通用');
    setProblems(found);
    if (found.length) return;
    setBusy(true);
    try {
      const rule = await invoke('rules.save', {
        id: draft.id,
        name: draft.name.trim(),
        provinceCode: draft.provinceCode.trim() || null,
        note: draft.note.trim() || null,
        rows,
      });
      onDone(`已保存分担规则“${rule.name}”`);
    } catch (error) {
      setProblems([errorMessage(error)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      className="rule-form"
      aria-label="分担规则表单"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{draft.id ? `修改规则“${initial.name}”` : '新建本省分担规则'}</h3>
      <div className="form-line">
        <label>
          规则名称 <input ref={nameBox} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} size={30} />
        </label>
        <label>
          适用省份代码 <input value={draft.provinceCode} onChange={(e) => setDraft({ ...draft, provinceCode: e.target.value })} size={8} placeholder="各省通用" />
        </label>
        <label>
          依据或说明 <input value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} size={40} />
        </label>
      </div>
      {initial.id !== null && initial.provinceCode === '' && (
        <p className="status-note" role="note">这是各省通用的规则：修改后，各省使用它的清单都按新比例重算。只改本省的比例，请用“复制为本省规则”。</p>
      )}
      <table className="table compact" aria-label="分担行">
        <thead>
          <tr>
            <th>县类别</th><th>等级</th><th>中央分担</th><th className="num">省级权重</th><th className="num">市级权重</th><th className="num">县级权重</th><th />
          </tr>
        </thead>
        <tbody>
          {draft.rows.map((r, i) => (
            <tr key={i}>
              <td>
                <select aria-label={`第${i + 1}行县类别`} value={r.countyClass} onChange={(e) => setRow(i, { countyClass: e.target.value })}>
                  <option value="">任意类别</option>
                  {COUNTY_CLASSES.map((c) => (
                    <option key={c} value={c}>{c}</option>
                  ))}
                </select>
              </td>
              <td>
                <select aria-label={`第${i + 1}行等级`} value={r.grade} onChange={(e) => setRow(i, { grade: e.target.value })}>
                  <option value="">任意等级</option>
                  {GRADES.map((g) => (
                    <option key={g} value={g}>{g}档</option>
                  ))}
                </select>
              </td>
              <td>
                <label className="inline">
                  <input type="checkbox" checked={r.byTier} onChange={(e) => setRow(i, { byTier: e.target.checked })} /> 按省份分档
                </label>
                {!r.byTier && (
                  <input aria-label={`第${i + 1}行中央分担比例`} value={r.centralPct} onChange={(e) => setRow(i, { centralPct: e.target.value })} size={6} placeholder="百分数" />
                )}
                {!r.byTier && '%'}
              </td>
              {(['provincial', 'city', 'county'] as const).map((f) => (
                <td key={f} className="num">
                  <input aria-label={`第${i + 1}行${{ provincial: '省级', city: '市级', county: '县级' }[f]}权重`} value={r[f]} onChange={(e) => setRow(i, { [f]: e.target.value })} size={6} />
                </td>
              ))}
              <td>
                <button type="button" onClick={() => setDraft({ ...draft, rows: draft.rows.filter((_, j) => j !== i) })} disabled={draft.rows.length === 1}>
                  删除此行
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        中央分担之外的部分按省、市、县权重分摊；最具体的一行适用（类别和等级 → 类别 → 等级 → 其他地区，即类别、等级都留空的一行）。省直管县的市级不承担支出。
      </p>
      {problems.length > 0 && (
        <ul className="error" role="alert" aria-label="规则的问题">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => setDraft({ ...draft, rows: [...draft.rows, { ...EMPTY_ROW }] })}>
          增加一行
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在保存……' : '保存规则'}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          取消
        </button>
      </div>
    </form>
  );
}
