import { useState } from 'react';
import { invoke } from '../api/client';
import { NewDraftForm } from './NewDraftForm';
import { ImportCatalogueForm } from './catalogue-import/ImportCatalogueForm';
import { useLoad } from '../components/useLoad';
import { CatalogueStatusBadge } from '../components/StatusBadge';
import type { CatalogueSummary } from '../../../shared/domain/catalogue';

function itemCountText(c: CatalogueSummary): string {
  if (c.statedItemCount !== null && c.statedItemCount !== c.itemCount) return `${c.itemCount}（文件称 ${c.statedItemCount} 项）`;
  return String(c.itemCount);
}

function periodText(c: CatalogueSummary): string {
  return c.startYear && c.endYear ? `${c.period}（${c.startYear}—${c.endYear}）` : c.period;
}

export function HomeView() {
  const [catalogues] = useLoad(() => invoke('catalogues.list', {}), []);
  const [drafting, setDrafting] = useState(false);
  const [importing, setImporting] = useState(false);
  return (
    <section className="page">
      <h1>基本公共服务清单</h1>
      {catalogues.state === 'ready' && (drafting ? (
        <NewDraftForm catalogues={catalogues.data} source={null} onCancel={() => setDrafting(false)} />
      ) : importing ? (
        <ImportCatalogueForm onCancel={() => setImporting(false)} />
      ) : (
        <div className="home-actions">
          <button type="button" onClick={() => setDrafting(true)}>新建草案</button>
          <button type="button" onClick={() => setImporting(true)}>导入清单</button>
          <span className="muted">从任一份清单复制，或从空白开始；或从 Excel、WPS 表格或文本导入。</span>
        </div>
      ))}
      {catalogues.state === 'loading' && <p className="muted">正在读取……</p>}
      {catalogues.state === 'error' && <p className="error" role="alert">{catalogues.message}</p>}
      {catalogues.state === 'ready' && (
        <table className="table catalogue-list" aria-label="清单列表">
          <thead>
            <tr>
              <th>清单名称</th>
              <th>行政区</th>
              <th>规划期</th>
              <th className="num">服务项目数</th>
              <th>状态</th>
              <th>依据文件</th>
            </tr>
          </thead>
          <tbody>
            {catalogues.data.map((c) => (
              <tr key={c.id} data-catalogue-id={c.id}>
                <td>
                  <a href={`#/catalogue/${encodeURIComponent(c.id)}`}>{c.name}</a>
                </td>
                <td>{c.regionName}</td>
                <td>{periodText(c)}</td>
                <td className="num">{itemCountText(c)}</td>
                <td>
                  <CatalogueStatusBadge status={c.status} stage={c.stage} />
                  {c.statusNote && <div className="note">{c.statusNote}</div>}
                </td>
                <td className="doc">
                  {c.documentTitle}
                  {c.documentNumber && <span className="muted">（{c.documentNumber}）</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
