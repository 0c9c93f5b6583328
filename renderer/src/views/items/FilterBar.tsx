// The filter bar of the 条目 tab: by 领域, by 牵头负责单位 and by text. Filtering hides items, keeps the
// 领域 headings of what is left and the catalogue's order; 清除筛选 shows the whole catalogue again.
import { useMemo } from 'react';
import type { CatalogueDetail } from '../../../../shared/domain/catalogue';
import { domainHeading } from '../../../../shared/domain/numerals';
import { NO_FILTER, departmentChoices, isFiltering } from '../../grid/item-filter';
import type { ItemFilter } from '../../grid/item-filter';

export function FilterBar({ detail, filter, shown, onChange }: { detail: CatalogueDetail; filter: ItemFilter; shown: number; onChange: (f: ItemFilter) => void }) {
  const departments = useMemo(() => departmentChoices(detail.items), [detail.items]);
  const labels = detail.columnLabels;
  return (
    <div className="filter-bar" role="group" aria-label="筛选">
      <span className="filter-title">筛选</span>
      <label>
        领域
        <select
          aria-label="按领域筛选"
          value={filter.domainSeq ?? ''}
          onChange={(e) => onChange({ ...filter, domainSeq: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">全部领域</option>
          {detail.domains.map((d) => (
            <option key={d.seq} value={d.seq}>{domainHeading(d.seq, d.name)}</option>
          ))}
        </select>
      </label>
      <label>
        {labels.leadDepartment}
        <select
          aria-label={`按${labels.leadDepartment}筛选`}
          value={filter.department ?? ''}
          onChange={(e) => onChange({ ...filter, department: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">全部单位</option>
          {departments.map((d) => (
            <option key={d} value={d}>{d}</option>
          ))}
        </select>
      </label>
      <label>
        含文字
        <input type="search" aria-label="按文字筛选" value={filter.text} placeholder="任一栏目中的文字" onChange={(e) => onChange({ ...filter, text: e.target.value })} />
      </label>
      {isFiltering(filter) && (
        <>
          <span className="filter-count" data-shown={shown}>显示 {shown} / {detail.items.length} 项</span>
          <button type="button" onClick={() => onChange(NO_FILTER)}>清除筛选</button>
        </>
      )}
    </div>
  );
}
