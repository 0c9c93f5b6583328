// The fields every new draft asks for, in the same words and limits wherever one is made: 新建草案 and 导入清单.
import { PERIOD_YEARS } from '../../../shared/domain/catalogue';

export function DraftFields(props: {
  name: string;
  onName: (name: string) => void;
  region: string;
  onRegion: (region: string) => void;
  period: string;
  onPeriod: (period: string) => void;
  autoFocusName?: boolean;
}) {
  return (
    <>
      <label>
        名称
        {/* The browser's own words for an empty required field are its language's ("Please fill out this field."). */}
        <input
          value={props.name}
          onChange={(e) => {
            e.currentTarget.setCustomValidity('');
            props.onName(e.target.value);
          }}
          onInvalid={(e) => e.currentTarget.setCustomValidity('请填写名称')}
          required
          maxLength={200}
          autoFocus={props.autoFocusName}
        />
      </label>
      <label>
        行政区
        <input value={props.region} onChange={(e) => props.onRegion(e.target.value)} maxLength={100} placeholder="如：河北省" />
      </label>
      <label>
        规划期
        <select value={props.period} onChange={(e) => props.onPeriod(e.target.value)}>
          {Object.entries(PERIOD_YEARS).map(([p, y]) => (
            <option key={p} value={p}>{p}（{y.startYear}—{y.endYear}）</option>
          ))}
        </select>
      </label>
    </>
  );
}
