// What an import will create, before it is written: every problem with its row and column, then the domains
// and items as they will stand (with the extra columns the file carries), then the file's notes.
import type { CatalogueImportPreview, ImportedItem } from '../../../../shared/domain/catalogue-import/types';

/** Enough rows to check a file by eye; the whole catalogue is imported regardless. */
const SHOWN_ITEMS = 300;

const EXTRA: { field: keyof ImportedItem; label: string }[] = [
  { field: 'content', label: '服务内容' },
  { field: 'category', label: '类别' },
  { field: 'note', label: '备注' },
];

export function ImportPreviewTables({ preview }: { preview: CatalogueImportPreview }) {
  const labels = preview.columnLabels;
  const extras = EXTRA.filter(({ field }) => preview.domains.some((d) => d.items.some((i) => i[field] !== null)));
  let shown = 0;
  let no = 0;
  return (
    <>
      {preview.problems.length > 0 && (
        <div className="preview-scroll">
          <table className="table compact import-problems" aria-label="导入问题">
            <thead>
              <tr>
                <th>种类</th>
                <th className="num">行</th>
                <th>列</th>
                <th>问题</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((p, i) => (
                <tr key={i} className={p.severity === 'error' ? 'problem-error' : 'problem-warning'}>
                  <td>{p.severity === 'error' ? '错误' : '提示'}</td>
                  <td className="num">{p.row ?? ''}</td>
                  <td>{p.column ?? ''}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="preview-scroll tall">
        <table className="table compact" aria-label="将导入的服务项目">
          <thead>
            <tr>
              <th className="num">{labels.itemNo}</th>
              <th>{labels.name}</th>
              <th>{labels.targetGroup}</th>
              <th>{labels.standard}</th>
              <th>{labels.fundingResponsibility}</th>
              <th>{labels.leadDepartment}</th>
              {extras.map((e) => <th key={e.field}>{e.label}</th>)}
              <th className="num">原行号</th>
            </tr>
          </thead>
          <tbody>
            {preview.domains.map((d) => [
              <tr key={`d${d.row}`} className="import-domain">
                <td colSpan={7 + extras.length}>{d.name}</td>
              </tr>,
              ...d.items.map((item) => {
                no += 1;
                shown += 1;
                if (shown > SHOWN_ITEMS) return null;
                return (
                  <tr key={`i${item.row}`}>
                    <td className="num">{no}</td>
                    <td>{item.name}</td>
                    <td>{item.targetGroup}</td>
                    <td>{item.standard}</td>
                    <td>{item.fundingResponsibility}</td>
                    <td>{item.leadDepartment}</td>
                    {extras.map((e) => <td key={e.field}>{item[e.field]}</td>)}
                    <td className="num muted">{item.row}</td>
                  </tr>
                );
              }),
            ])}
          </tbody>
        </table>
        {preview.itemCount > SHOWN_ITEMS && <p className="muted">只显示前 {SHOWN_ITEMS} 项，共 {preview.itemCount} 项都会导入。</p>}
      </div>
      {preview.notes.length > 0 && (
        <ul className="muted" aria-label="文件中的注释">
          {preview.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
    </>
  );
}
