// What kind of file the planner picked, from its name and its first bytes: a PDF or an old .xls renamed
// .xlsx, an empty file or a cut-off download is named as such instead of failing somewhere in a reader.
import { AppError } from '../../db/app-error';

export type CatalogueFileKind = 'xlsx' | 'csv' | 'text';

const refuse = (message: string) => new AppError('bad_file', `${message}没有导入任何内容。`);

/** A .xlsx is a zip: its end-of-central-directory record sits in the last 64 KB. */
function hasZipEnd(bytes: Buffer): boolean {
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i -= 1) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

export function sniffCatalogueFile(fileName: string, bytes: Buffer): CatalogueFileKind {
  const extension = /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0) throw refuse(`“${fileName}”是空文件（0 字节），`);
  const head = bytes.subarray(0, 8);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw refuse(
      extension === 'pdf'
        ? `“${fileName}”是 PDF 文件，无法从中可靠地读出表格；请使用清单的 .xlsx 原表格（或另存的 .csv、.txt）导入，`
        : `“${fileName}”其实是 PDF 文件，不是${extension === 'xlsx' ? ' .xlsx 工作簿' : '表格或文本'}（只是改了扩展名）；请用 Excel 或 WPS 打开原表格另存为 .xlsx 后再导入，`,
    );
  }
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw refuse(`“${fileName}”是旧版 Excel（.xls）或 Word（.doc）格式，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 后再导入，`);
  }
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (extension === 'xlsx' || zip) {
    if (!zip) throw refuse(`“${fileName}”不是 .xlsx 工作簿（文件开头不是 Excel 工作簿的格式，可能是改了扩展名的其他文件）；请在 Excel 或 WPS 中另存为 .xlsx 后再导入，`);
    if (!hasZipEnd(bytes)) throw refuse(`“${fileName}”不完整：工作簿在 ${bytes.length} 字节处被截断（下载或复制没有完成）；请重新获取完整的文件后再导入，`);
    if (extension !== 'xlsx') throw refuse(`“${fileName}”是压缩包或 Office 文档，不是清单表格；清单请用 .xlsx、.csv 或 .txt 文件导入，`);
    return 'xlsx';
  }
  if (extension === 'csv') return 'csv';
  if (['txt', 'md', 'htm', 'html', 'text'].includes(extension)) return 'text';
  if (extension === 'xls') throw refuse(`“${fileName}”是旧版 .xls 格式，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 后再导入，`);
  throw refuse(`无法识别“${fileName}”的格式：清单可从 .xlsx（Excel、WPS 工作簿）、.csv（表格另存的或本程序导出的）或 .txt（规划文本）导入，`);
}
