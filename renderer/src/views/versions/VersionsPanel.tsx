// The 版本 tab: save the catalogue as it stands under a name (征求意见稿 2026-03-01 by default), and the
// versions saved so far, each opened read-only, exported, compared with the live catalogue or deleted.
import { useCallback, useEffect, useState } from 'react';
import { DRAFT_STAGE_LABELS } from '../../../../shared/domain/catalogue';
import type { CatalogueSummary } from '../../../../shared/domain/catalogue';
import { defaultVersionName } from '../../../../shared/domain/versions';
import type { VersionSummary } from '../../../../shared/domain/versions';
import { errorMessage, invoke } from '../../api/client';
import { downloadFile } from '../download';
import { formatTime } from './format-time';
import './versions.css';
import { TwoStepButton } from '../../components/TwoStepButton';

export function VersionsPanel({ summary, onCompare }: { summary: CatalogueSummary; onCompare: (before: string, after: string) => void }) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [name, setName] = useState(() => defaultVersionName(summary.stage ?? null, new Date()));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const load = useCallback(async () => {
    try {
      setVersions(await invoke('versions.list', { catalogueId: summary.id }));
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    }
  }, [summary.id]);
  useEffect(() => void load(), [load]);

  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ text: await what(), error: false });
      await load();
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    act(async () => {
      const saved = await invoke('versions.save', { catalogueId: summary.id, name });
      return `已保存版本“${saved.name}”（${saved.itemCount} 项）。之后的修改不会改变它。`;
    });
  const exportAnnex = (v: VersionSummary) =>
    act(async () => {
      const file = await invoke('versions.export', { versionId: v.id });
      downloadFile(file);
      return `已导出 ${file.fileName}`;
    });
  const remove = (v: VersionSummary) => {
    void act(async () => {
      await invoke('versions.delete', { versionId: v.id });
      return `已删除版本“${v.name}”。`;
    });
  };

  return (
    <section className="versions-panel" aria-label="版本">
      <form
        className="version-save"
        aria-label="保存版本"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          版本名称
          <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>保存版本</button>
        <span className="muted">保存清单此刻的全部服务项目和重点任务；版本只读，之后的修改不会改变它。</span>
      </form>
      {message && <p className={message.error ? 'error' : 'version-message'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {versions && versions.length === 0 && <p className="muted">还没有保存过版本。</p>}
      {versions && versions.length > 0 && (
        <table className="version-list" aria-label="版本列表">
          <thead>
            <tr><th>版本号</th><th>名称</th><th>保存时状态</th><th>服务项目</th><th>保存时间</th><th>操作</th></tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} data-version-id={v.id}>
                <td>{v.number}</td>
                <td><a href={`#/catalogue/${encodeURIComponent(v.id)}`}>{v.name}</a></td>
                <td>{v.stage ? DRAFT_STAGE_LABELS[v.stage] : '—'}</td>
                <td>{v.itemCount} 项</td>
                <td>{formatTime(v.savedAt)}</td>
                <td className="version-actions">
                  <a href={`#/catalogue/${encodeURIComponent(v.id)}`}>打开（只读）</a>
                  <button type="button" disabled={busy} onClick={() => void exportAnnex(v)}>导出附件</button>
                  <button type="button" disabled={busy} onClick={() => onCompare(v.id, summary.id)}>与当前清单对照</button>
                  <TwoStepButton text="删除" confirmText="确认删除（不能再打开它）" label={`删除版本“${v.name}”`} disabled={busy} onConfirm={() => remove(v)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
