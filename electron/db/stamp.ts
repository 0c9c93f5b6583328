/** A timestamp for file names a person will read: 20261123-111530. */
export function fileStamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/** base, or base with -2, -3 … before its extension when a file of that name exists: never overwrite a kept copy. */
export function unusedPath(base: string, exists: (path: string) => boolean): string {
  if (!exists(base)) return base;
  const dot = base.lastIndexOf('.');
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, dot)}-${n}${base.slice(dot)}`;
    if (!exists(candidate)) return candidate;
  }
}
