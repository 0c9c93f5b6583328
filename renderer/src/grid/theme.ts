import { themeQuartz } from 'ag-grid-community';

// Chinese text first: the system's CJK fonts, at a size that keeps long standards readable.
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', 'sans-serif'],
  fontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#eef2f7',
  rowVerticalPaddingScale: 0.6,
  wrapperBorderRadius: 4,
});
