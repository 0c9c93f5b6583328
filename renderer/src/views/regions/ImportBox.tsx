// Importing a table a finance bureau hands in (regions, population, split rules, an item's drivers; CSV or
// .xlsx): first checked and previewed with every problem, then applied as one change when the planner confirms.
import { useRef, useState } from 'react';
import type { ImportPreview, ImportReport } from '../../../../shared/domain/pricing/results';
import { errorMessage, invoke } from '../../api/client';
import { IMPORT_COLUMNS, columnLabel } from '../../../../shared/domain/pricing/import-columns';
import type { ImportKind } from '../../../../shared/domain/pricing/import-columns';
import { REGION_LEVEL_LABELS } from '../../../../shared/domain/pricing/regions';
import type { RegionLevel } from '../../../../shared/domain/pricing/regions';
import { readAsBase64 } from './file-base64';
import { downloadFile } from '../download';

export const IMPORT_KINDS = [
  {
    kind: 'regions',
    label: '行政区（县、市）',
    hint: '层级填 省、市 或 县；类别填 市辖区、市管县 或 省直管县，等级填 1 到 9 的档次，两者都可空着。可另加一列“人口年增长率（%）”（-50 到 50，缺少年份的人数按它推算）。已有的区划代码按文件更新。',
  },
  { kind: 'population', label: '人口（按人群、年度）', hint: '年度为四位年份，人数为整数；一个地区一个人群一年一行。' },
  {
    kind: 'shares',
    label: '人群比例（占另一人群的百分比）',
    hint: '比例为占基数人群的百分数（0 到 100），如 60岁及以上 占 常住人口 的 19.85；不足 1% 的写 0.05 或 0.05%。文件中不带 % 的比例若全都小于 1，会被当作按小数写的（0.186 即 18.6%）而退回，请改为百分数。',
  },
  {
    kind: 'rules',
    label: '分担规则',
    hint: '中央分担填百分数（60% 填 60），或填“按档”（按所在省的财力档次）；省级、市级、县级权重是地方部分的分配比例。类别、等级空着表示不限。',
  },
  {
    kind: 'drivers',
    label: '测算参数（按序号）',
    hint: '序号为清单中的序号（可另加一列服务项目，导入时与序号核对）；覆盖率为 0 到 1 的小数或百分数（0.5 或 50%）；单位如 元/人/年、元/人/月、元/生/天；分担规则填规则名称。',
  },
] as const;

/** The header as a planner writes it: the columns' Chinese labels. */
const labelHeader = (kind: ImportKind) => IMPORT_COLUMNS[kind].map((c) => columnLabel(c, kind));

/**
 * An empty table to fill in Excel or WPS: the header in Chinese, as CSV with a byte-order mark (without it
 * Excel on a Chinese PC reads UTF-8 as GBK and shows the header garbled).
 */
function downloadTemplate(kind: (typeof IMPORT_KINDS)[number]) {
  const blob = new Blob(['\uFEFF', `${labelHeader(kind.kind).join(',')}\r\n`], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${kind.label.split('（')[0]}-模板.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

type Kind = (typeof IMPORT_KINDS)[number]['kind'];

type State =
  | { step: 'idle' }
  | { step: 'busy'; what: string }
  | { step: 'checked'; file: { fileName: string; base64: string }; report: ImportReport }
  | { step: 'applied'; report: ImportReport }
  | { step: 'failed'; message: string };

interface Props {
  /** What this box imports (the first is chosen at first). */
  kinds: readonly Kind[];
  /** The catalogue whose drivers are imported; null for regions, population and rules. */
  catalogueId: string | null;
  title?: string;
  /** Told after a file is written (its report), so the view around shows what it changed. */
  onApplied?: (report: ImportReport) => void;
}

export function ImportBox({ kinds, catalogueId, title = '导入数据', onApplied }: Props) {
  const [kind, setKind] = useState<Kind>(kinds[0]!);
  const [state, setState] = useState<State>({ step: 'idle' });
  const picker = useRef<HTMLInputElement>(null);
  const chosen = IMPORT_KINDS.find((k) => k.kind === kind)!;

  const check = async (file: File) => {
    setState({ step: 'busy', what: `正在检查“${file.name}”……` });
    try {
      const base64 = await readAsBase64(file);
      const report = await invoke('data.import', { kind, catalogueId, fileName: file.name, base64, apply: false });
      setState({ step: 'checked', file: { fileName: file.name, base64 }, report });
    } catch (error) {
      setState({ step: 'failed', message: errorMessage(error) });
    }
  };

  const apply = async (file: { fileName: string; base64: string }) => {
    setState({ step: 'busy', what: `正在导入“${file.fileName}”……` });
    try {
      const report = await invoke('data.import', { kind, catalogueId, ...file, apply: true });
      // Found wanting when written (the data changed since the check) or nothing to write: shown as a check is,
      // never as imported.
      if (!report.applied) return setState({ step: 'checked', file, report });
      setState({ step: 'applied', report });
      onApplied?.(report);
    } catch (error) {
      setState({ step: 'failed', message: errorMessage(error) });
    }
  };

  const downloadDrivers = async (id: string) => {
    try {
      downloadFile(await invoke('drivers.workbook', { catalogueId: id }));
    } catch (error) {
      setState({ step: 'failed', message: errorMessage(error) });
    }
  };

  return (
    <section className="import-box" aria-label={title}>
      <h2>{title}</h2>
      <div className="form-line">
        {kinds.length > 1 && (
          <label>
            导入内容
            <select value={kind} onChange={(e) => { setKind(e.target.value as Kind); setState({ step: 'idle' }); }} aria-label="导入内容">
              {IMPORT_KINDS.filter((k) => kinds.includes(k.kind)).map((k) => (
                <option key={k.kind} value={k.kind}>{k.label}</option>
              ))}
            </select>
          </label>
        )}
        {/* The browser's own file button speaks the browser's language: hidden behind a Chinese one. */}
        <input
          ref={picker}
          type="file"
          className="visually-hidden"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="选择导入文件"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // The same file chosen again, corrected as its problems asked, must be read again: a picker
            // still holding its name fires no change for it.
            e.target.value = '';
            if (file) void check(file);
          }}
        />
        <button type="button" className="pick-file" onClick={() => picker.current?.click()}>
          选择文件（CSV 或 .xlsx）……
        </button>
      </div>
      <p className="muted">
        第一行须为表头：{labelHeader(chosen.kind).join('、')}。{chosen.hint}
        {chosen.kind === 'drivers' && catalogueId ? (
          <button type="button" className="link" onClick={() => void downloadDrivers(catalogueId)}>
            下载参数表（列出本清单各项及现有参数，在 Excel 或 WPS 中填好后导入）
          </button>
        ) : (
          <button type="button" className="link" onClick={() => downloadTemplate(chosen)}>
            下载空白模板
          </button>
        )}
      </p>
      <p className="muted">CSV 用 Excel 或 WPS 另存的即可；.xlsx 读第一个工作表。先检查，确认后才写入，有任何问题都不会写入。</p>
      {state.step === 'busy' && <p className="muted" role="status">{state.what}</p>}
      {state.step === 'failed' && <p className="error" role="alert">{state.message}</p>}
      {state.step === 'checked' && (
        <div className="import-preview" aria-label="导入预览">
          <p>
            “{state.file.fileName}”：共 {state.report.rows} 行数据。
            {state.report.problems.length === 0 && (state.report.changesNothing ? `检查无误，${state.report.summary}，无需导入。` : `检查无误，确认后将${state.report.summary}。`)}
          </p>
          {state.report.problems.length === 0 && <Warnings warnings={state.report.warnings} />}
          <FilePreview preview={state.report.preview} kind={kind} />
          {state.report.problems.length > 0 ? (
            <>
              <p className="error">发现 {state.report.problems.length} 个问题，改正文件后再选一次；本次不会写入任何内容：</p>
              <ul className="error" aria-label="导入问题">
                {state.report.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          ) : state.report.changesNothing ? null : (
            <button type="button" className="primary" onClick={() => void apply(state.file)}>
              确认导入
            </button>
          )}
        </div>
      )}
      {state.step === 'applied' && (
        <>
          <p className="save-status save-saved" role="status">
            已导入：{state.report.summary}
          </p>
          <Warnings warnings={state.report.warnings} />
        </>
      )}
    </section>
  );
}

/** What the import takes but the planner should look at again (a cohort with no counts yet). */
function Warnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="warning" aria-label="导入提醒">
      {warnings.map((w) => (
        <li key={w}>注意：{w}</li>
      ))}
    </ul>
  );
}

/**
 * The file's rows as the Node side read them, CSV or .xlsx alike, under the columns' Chinese names: the first
 * ones, or (a sheet of every item) those that change or have a problem. A row's note (the item its 序号
 * names) stands beside its first column.
 */
function FilePreview({ preview, kind }: { preview: ImportPreview; kind: ImportKind }) {
  if (preview.rows.length === 0) return null;
  const shown = (column: string, text: string) => (column === 'level' ? (REGION_LEVEL_LABELS[text as RegionLevel] ?? text) : text);
  const [first, ...rest] = preview.columns;
  // The file's own 服务项目 beside the catalogue's (the note): each says whose it is.
  const heading = (column: string) => (column === 'item' && preview.noteLabel ? '文件中的服务项目' : columnLabel(column, kind));
  return (
    <div className="preview-scroll">
      {preview.only && <p className="muted">{preview.only}：</p>}
      <table className="table compact" aria-label="文件内容预览">
        <thead>
          <tr>
            <th className="num">行号</th>
            <th>{columnLabel(first!, kind)}</th>
            {preview.noteLabel && <th>{preview.noteLabel}</th>}
            {rest.map((c) => (
              <th key={c}>{heading(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.line}>
              <td className="num">{row.line}</td>
              <td>{shown(first!, row.cells[0] ?? '')}</td>
              {preview.noteLabel && <td className="muted">{row.note}</td>}
              {row.cells.slice(1).map((text, j) => (
                <td key={j}>{shown(rest[j]!, text)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.more > 0 && <p className="muted">只显示前 {preview.rows.length} 行，其余 {preview.more} 行未列出。</p>}
    </div>
  );
}
