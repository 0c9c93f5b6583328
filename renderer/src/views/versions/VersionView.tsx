// A saved version opened read-only: the same grid as the catalogue, marked 版本：… 只读, with the way back
// to the live catalogue and the version's own annex.
import { useState } from 'react';
import { errorMessage, invoke } from '../../api/client';
import { useLoad } from '../../components/useLoad';
import { downloadFile } from '../download';
import { ItemsView } from '../ItemsView';
import { formatTime } from './format-time';
import './versions.css';

const nothing = async () => {};

export function VersionView({ versionId }: { versionId: string }) {
  const [loaded] = useLoad(() => invoke('versions.get', { versionId }), [versionId]);
  const [message, setMessage] = useState<string | null>(null);
  if (loaded.state === 'loading') return <p className="page muted">正在读取版本……</p>;
  if (loaded.state === 'error') return <p className="page error" role="alert">{loaded.message}</p>;
  const { version, detail } = loaded.data;
  const exportAnnex = async () => {
    try {
      const file = await invoke('versions.export', { versionId: version.id });
      downloadFile(file);
      setMessage(`已导出 ${file.fileName}`);
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  return (
    <section className="catalogue-page version-page">
      <div className="catalogue-toolbar">
        <div className="catalogue-title">
          <a href={`#/catalogue/${encodeURIComponent(version.catalogueId)}`} className="back">← 返回当前清单</a>
          <h1>{detail.summary.name}</h1>
          <span className="version-badge">版本：{version.name} 只读</span>
          <span className="muted">保存于 {formatTime(version.savedAt)} · {version.itemCount} 项</span>
        </div>
        <div className="catalogue-actions">
          <button type="button" onClick={() => void exportAnnex()}>导出此版本的附件</button>
        </div>
      </div>
      <div className="version-note" role="note">
        <span>这是保存于 {formatTime(version.savedAt)} 的版本“{version.name}”，只能查看，之后的修改不会改变它。</span>
        <a href={`#/catalogue/${encodeURIComponent(version.catalogueId)}`}>返回当前清单</a>
        {message && <span className="muted" role="status">{message}</span>}
      </div>
      <ItemsView detail={detail} readOnly onChanged={nothing} onSaved={() => undefined} />
    </section>
  );
}
