import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnexKind, PageTextSetting } from '../../../shared/contract';
import type { CatalogueSummary } from '../../../shared/domain/catalogue';
import { errorMessage, invoke } from '../api/client';
import { downloadFile } from './download';

const KIND_LABELS: Record<AnnexKind, string> = {
  all: '全部附件',
  catalogue: '附件1 清单',
  tasks: '附件2 重点任务分工方案',
  indicators: '主要指标表',
};

/** Shown only when an export takes longer than this: a quick one just finishes. */
const PROGRESS_AFTER_MS = 400;

/** What to export (the whole set or one part), as one workbook or separate files, with the page header. */
export function AnnexExportPanel({ summary, hasItems, hasTasks }: { summary: CatalogueSummary; hasItems: boolean; hasTasks: boolean }) {
  const kinds: AnnexKind[] = ['all', ...(hasItems ? (['catalogue'] as const) : []), ...(hasTasks ? (['tasks'] as const) : [])];
  const [annex, setAnnex] = useState<AnnexKind>(kinds[0]!);
  const [layout, setLayout] = useState<'workbook' | 'separate'>('workbook');
  // The header and footer are the catalogue's own, stored with it: loaded here, and again whenever the catalogue
  // is read again (a new summary: its stage sets the default, 草稿, 征求意见稿, 送审稿, none once published; 撤销
  // takes a header back), not on each cell saved, which keeps the summary; saved on leaving the box and when exporting.
  const [header, setHeader] = useState('');
  const [footer, setFooter] = useState('');
  const [stored, setStored] = useState<PageTextSetting | null>(null);
  const typed = useRef({ header, footer, stored });
  typed.current = { header, footer, stored };
  useEffect(() => {
    let live = true;
    invoke('annex.pageText.get', { catalogueId: summary.id }).then(
      (text) => {
        if (!live) return;
        const was = typed.current;
        setStored(text);
        // What the planner typed and has not saved yet stays.
        if (!was.stored || was.header === was.stored.header) setHeader(text.header);
        if (!was.stored || was.footer === was.stored.footer) setFooter(text.footer);
      },
      (error: unknown) => live && setMessage(`读取页眉页脚失败：${errorMessage(error)}`),
    );
    return () => {
      live = false;
    };
  }, [summary]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  const nothing = !hasItems && !hasTasks;

  /** The header and footer as typed, stored if they changed (back to the stage's default when typed back to it). */
  const keep = useCallback(async (): Promise<boolean> => {
    if (!stored || (header === stored.header && footer === stored.footer)) return false;
    const saved = await invoke('annex.pageText.set', {
      catalogueId: summary.id,
      header: header === stored.defaultHeader ? null : header,
      footer: footer === '' ? null : footer,
    });
    setStored(saved);
    return true;
  }, [header, footer, stored, summary.id]);
  const keepOnLeave = () =>
    void keep().then(
      (saved) => saved && setMessage('已保存页眉页脚，导出的附件每页都会印上（可撤销）'),
      (error: unknown) => setMessage(`页眉页脚没有保存：${errorMessage(error)}`),
    );

  const run = useCallback(async () => {
    setBusy(true);
    setMessage(null);
    timer.current = setTimeout(() => setMessage(`正在生成${KIND_LABELS[annex]}……`), PROGRESS_AFTER_MS);
    try {
      await keep();
      const files = await invoke('annex.export', { catalogueId: summary.id, annex, layout });
      files.forEach((file, index) => {
        setMessage(`正在保存 ${index + 1}/${files.length}：${file.fileName}`);
        downloadFile(file);
      });
      const warning = files.find((file) => file.warning)?.warning;
      setMessage(`已导出：${files.map((f) => `${f.fileName}（${Math.round(f.byteLength / 1024)} KB）`).join('、')}${warning ? `。注意：${warning}` : ''}`);
    } catch (error) {
      setMessage(`导出失败：${errorMessage(error)}`);
    } finally {
      if (timer.current) clearTimeout(timer.current);
      setBusy(false);
    }
  }, [annex, layout, keep, summary.id]);

  return (
    <div className="annex-export">
      <label>
        导出
        <select value={annex} onChange={(e) => setAnnex(e.target.value as AnnexKind)} disabled={nothing}>
          {kinds.map((kind) => <option key={kind} value={kind}>{KIND_LABELS[kind]}</option>)}
        </select>
      </label>
      <label>
        <select value={layout} onChange={(e) => setLayout(e.target.value as 'workbook' | 'separate')} aria-label="导出方式">
          <option value="workbook">合为一个工作簿</option>
          <option value="separate">每个附件一个文件</option>
        </select>
      </label>
      <label>
        页眉
        <input value={header} onChange={(e) => setHeader(e.target.value)} onBlur={keepOnLeave} placeholder="如：征求意见稿" maxLength={200} size={22} title="草稿、征求意见稿、送审稿等，印在每页右上角，随清单状态变化；已发布的清单留空" />
      </label>
      <label>
        页脚
        <input value={footer} onChange={(e) => setFooter(e.target.value)} onBlur={keepOnLeave} maxLength={200} size={12} />
      </label>
      <button
        type="button"
        onClick={() => void run()}
        disabled={busy || nothing}
        title={nothing ? '这份清单还没有服务项目' : '按正式格式导出附件（.xlsx）'}
      >
        导出附件
      </button>
      {message && <span className="export-status" role="status">{message}</span>}
    </div>
  );
}
