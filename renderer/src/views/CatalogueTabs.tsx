// The views of one catalogue. One entry per tab: adding a view is adding a line here and its branch in
// CatalogueView.
export const CATALOGUE_TABS = [
  { id: 'items', label: '条目' },
  { id: 'tasks', label: '重点任务' },
  { id: 'pricing', label: '测算' },
  { id: 'versions', label: '版本' },
  { id: 'compare', label: '对照' },
] as const;
export type CatalogueTab = (typeof CATALOGUE_TABS)[number]['id'];

/** The tab an address names; 条目 when it names none (or one there is not). */
export function catalogueTab(name: string | undefined): CatalogueTab {
  return CATALOGUE_TABS.find((t) => t.id === name)?.id ?? 'items';
}

/** The catalogue and tab an address names ("#/catalogue/<id>" its 条目, "#/catalogue/<id>/<tab>"), or null. */
export function catalogueAddress(hash: string): { id: string; tab: CatalogueTab } | null {
  const match = /^#?\/catalogue\/([^/]+)(?:\/([a-z]+))?$/u.exec(hash);
  return match ? { id: decodeURIComponent(match[1]!), tab: catalogueTab(match[2]) } : null;
}

/** The address of a catalogue's tab, written in place of the current one: a reload or Back returns to it. */
export function rememberTab(catalogueId: string, tab: CatalogueTab): void {
  const hash = `#/catalogue/${encodeURIComponent(catalogueId)}${tab === 'items' ? '' : `/${tab}`}`;
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
}

/**
 * A tab is switched just after its click, not in it: a grid's editor open at the click has closed by then, but
 * AG Grid hands its value over only after the click's own handlers. Switched in the click, the grid went first
 * and the text typed in it with the grid, without a word.
 */
export function CatalogueTabs({ tab, onChange, taskCount }: { tab: CatalogueTab; onChange: (tab: CatalogueTab) => void; taskCount: number }) {
  return (
    <div className="catalogue-tabs" role="tablist" aria-label="清单视图">
      {CATALOGUE_TABS.map((t) => (
        <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''} onClick={() => setTimeout(() => onChange(t.id))}>
          {t.id === 'tasks' ? `${t.label}（${taskCount}）` : t.label}
        </button>
      ))}
    </div>
  );
}
