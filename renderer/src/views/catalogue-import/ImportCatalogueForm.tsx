// 导入清单: a catalogue file (annex .xlsx, dump CSV, plan text) read and shown first — domains, items and
// every problem with its row and column — then, once the planner names it and confirms, created as a new
// draft in one step (撤销 in the new catalogue removes it again), which then opens.
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { DEFAULT_DRAFT_PERIOD } from '../../../../shared/domain/catalogue';
import { IMPORT_SOURCE_LABELS } from '../../../../shared/domain/catalogue-import/types';
import type { CatalogueImportPreview } from '../../../../shared/domain/catalogue-import/types';
import { errorMessage, invoke } from '../../api/client';
import { readAsBase64 } from '../regions/file-base64';
import { ImportPreviewTables } from './ImportPreviewTables';
import { DraftFields } from '../DraftFields';

type File64 = { fileName: string; base64: string };
type State =
  | { step: 'idle' }
  | { step: 'busy'; what: string; preview?: CatalogueImportPreview; file?: File64 }
  | { step: 'previewed'; file: File64; preview: CatalogueImportPreview; message: string | null }
  | { step: 'failed'; message: string };

export function ImportCatalogueForm({ onCancel }: { onCancel: () => void }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [period, setPeriod] = useState<string>(DEFAULT_DRAFT_PERIOD.period);
  const picker = useRef<HTMLInputElement>(null);

  const read = async (picked: File) => {
    setState({ step: 'busy', what: `正在读取“${picked.name}”……` });
    try {
      const file = { fileName: picked.name, base64: await readAsBase64(picked) };
      const preview = await invoke('catalogues.importPreview', file);
      setName(preview.suggestedName);
      setRegion(preview.suggestedRegion ?? '');
      setPeriod(preview.suggestedPeriod ?? DEFAULT_DRAFT_PERIOD.period);
      setState({ step: 'previewed', file, preview, message: null });
    } catch (error) {
      setState({ step: 'failed', message: errorMessage(error) });
    } finally {
      if (picker.current) picker.current.value = '';
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (state.step !== 'previewed') return;
    const { file, preview } = state;
    setState({ step: 'busy', what: `正在导入“${name}”……`, preview, file });
    try {
      const summary = await invoke('catalogues.import', { ...file, name, period, ...(region.trim() ? { regionName: region } : {}) });
      window.location.hash = `#/catalogue/${encodeURIComponent(summary.id)}`;
    } catch (error) {
      setState({ step: 'previewed', file, preview, message: errorMessage(error) });
    }
  };

  const preview = state.step === 'previewed' || state.step === 'busy' ? state.preview : undefined;
  const errors = preview?.problems.filter((p) => p.severity === 'error').length ?? 0;
  return (
    <section className="import-box catalogue-import" aria-label="导入清单">
      <h2>导入清单</h2>
      <div className="form-line">
        <input
          ref={picker}
          type="file"
          className="visually-hidden"
          accept=".xlsx,.csv,.txt,.md,.htm,.html,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,text/plain"
          aria-label="选择清单文件"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            if (picked) void read(picked);
          }}
        />
        <button type="button" className="pick-file" onClick={() => picker.current?.click()}>选择文件（.xlsx、.csv 或 .txt）……</button>
        <button type="button" onClick={onCancel}>取消</button>
      </div>
      <p className="muted">
        可导入各省附件的 .xlsx（表头可在标题、“附件”字样之下，列名可为服务指导标准、服务内容和保障标准、责任单位等），这样的表格另存的 CSV 或本程序导出的清单 CSV，
        规划文本中的清单表格，或按“服务对象：…… 支出责任：……”分段写成的文本。先预览，确认后才写入；导入的是一份新的草稿。
      </p>
      {state.step === 'busy' && <p className="muted" role="status">{state.what}</p>}
      {state.step === 'failed' && <p className="error" role="alert">{state.message}</p>}
      {preview && (
        <div className="import-preview" aria-label="导入预览">
          <p>
            “{preview.fileName}”：{IMPORT_SOURCE_LABELS[preview.source]}
            {preview.sheet && `，工作表“${preview.sheet}”`}
            {preview.headerRow !== null && `，表头在第 ${preview.headerRow} 行`}；共 {preview.domains.length} 个领域、{preview.itemCount} 项。
            {preview.extraColumns.length > 0 && ` 另保留的列：${preview.extraColumns.join('、')}。`}
            {preview.ignoredColumns.length > 0 && ` 不导入的列：${preview.ignoredColumns.join('、')}。`}
          </p>
          <ImportPreviewTables preview={preview} />
          {state.step === 'previewed' && (
            <form className="draft-form" aria-label="确认导入" onSubmit={(e) => void confirm(e)}>
              <DraftFields name={name} onName={setName} region={region} onRegion={setRegion} period={period} onPeriod={setPeriod} />
              {errors > 0 ? (
                <p className="error" role="alert">有 {errors} 处错误，改正文件后再选一次；本次不会写入任何内容。</p>
              ) : (
                <p className="muted">导入后是一份草稿；在它的“条目”页按 撤销（Ctrl+Z）即可整份撤回。</p>
              )}
              {state.message && <p className="error" role="alert">{state.message}</p>}
              <div className="form-actions">
                <button type="submit" className="primary" disabled={errors > 0}>确认导入</button>
              </div>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
