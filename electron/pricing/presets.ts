// Split rules shipped with the product: the shapes of 国办发〔2018〕6号 any province can use, and the
// province-city-county rules found for 河北 and 河南 (seeds/reference/split_rules.md). A planner confirms
// or edits them; a province's own rules are written beside them.
import type { SplitRule } from '../../shared/domain/pricing/split-rules';

const row = (countyClass: SplitRule['rows'][number]['countyClass'], grade: number | null, centralPct: string, p: string, c: string, x: string) => ({
  countyClass, grade, centralPct, provincial: p, city: c, county: x,
});

const GUOBAN = '国办发〔2018〕6号';

export const PRESET_RULES: SplitRule[] = [
  {
    id: 'central-100',
    name: '中央全额承担',
    provinceCode: null,
    source: `${GUOBAN}（国家试点、国家基础标准等由中央财政全额承担的事项）`,
    status: 'sourced',
    note: null,
    rows: [row(null, null, '100', '0', '0', '0')],
  },
  {
    id: 'tier-shared',
    name: '中央按档分担，省市县按比例',
    provinceCode: null,
    source: `${GUOBAN}（中央分担比例按省份所在档次：一档80%、二档60%、三档50%、四档30%、五档10%）`,
    status: 'unverified',
    note: '地方承担部分在省、市、县之间的比例文件未载明，暂按 1:1:1；本省另有规定的，请“复制为本省规则”后修改。',
    rows: [row(null, null, 'tier', '1', '1', '1')],
  },
  {
    id: 'central-60-local',
    name: '中央60%，省市县按比例',
    provinceCode: null,
    source: '河北省“十三五”基本公共服务清单第5—8项：“中央财政补贴60%，省、市、县财政按比例分担”',
    status: 'unverified',
    note: '省、市、县之间的比例清单未载明，暂按 1:1:1。',
    rows: [row(null, null, '60', '1', '1', '1')],
  },
  {
    id: 'central-50-local',
    name: '中央50%，省市县按比例',
    provinceCode: null,
    source: `${GUOBAN}（城乡居民基础养老金：中央确定的基础养老金标准部分，中央对第一档和第二档承担全部支出责任，其他档为50%）`,
    status: 'unverified',
    note: '省、市、县之间的比例文件未载明，暂按 1:1:1；本省另有规定的，请“复制为本省规则”后修改。',
    rows: [row(null, null, '50', '1', '1', '1')],
  },
  {
    id: 'local-province-city-county',
    name: '省市县分别负责',
    provinceCode: null,
    source: '清单支出责任“省、市、县政府负责”一类表述',
    status: 'unverified',
    note: '各级分别负担本级事项，比例暂按 1:1:1；中央如有补助，可在“中央分担（手工）”中填写。',
    rows: [row(null, null, '0', '1', '1', '1')],
  },
  {
    id: 'local-city-county',
    name: '市县负责',
    provinceCode: null,
    source: '清单支出责任“市、县政府负责，中央和省财政适当补助”一类表述',
    status: 'unverified',
    note: '“适当补助”未载明数额：中央补助可在“中央分担（手工）”中填写；市县比例暂按 1:1。',
    rows: [row(null, null, '0', '0', '1', '1')],
  },
  {
    id: 'hebei-compulsory-education',
    name: '河北·义务教育公用经费',
    provinceCode: '130000',
    source: '冀政办字〔2018〕79号（中央与地方按 6:4 分担；地方部分 省:省直管县 3:1，省:市:市管县 2:1:1，省:市:市辖区 1.5:1.5:1）',
    status: 'sourced',
    note: '未列类别的地区按市管县比例。',
    rows: [
      row('省直管县', null, '60', '3', '0', '1'),
      row('市管县', null, '60', '2', '1', '1'),
      row('市辖区', null, '60', '1.5', '1.5', '1'),
      row(null, null, '60', '2', '1', '1'),
    ],
  },
  {
    id: 'hebei-resident-medical',
    name: '河北·城乡居民医保补助',
    provinceCode: '130000',
    source: '冀政办字〔2018〕79号（中央按档；地方部分 省:省直管县 2:2，省:市:市管县 1.2:0.8:2）',
    status: 'sourced',
    note: '文件未列市辖区比例，市辖区及未列类别的地区暂按市管县比例（待核实）。',
    rows: [row('省直管县', null, 'tier', '2', '0', '2'), row('市管县', null, 'tier', '1.2', '0.8', '2'), row(null, null, 'tier', '1.2', '0.8', '2')],
  },
  {
    id: 'hebei-pension-topup',
    name: '河北·城乡居民养老保险省级提标部分',
    provinceCode: '130000',
    source: '冀政办字〔2018〕79号（省级提标部分：省:省直管县 15:5，省:市:市管县 15:2.5:2.5）',
    status: 'sourced',
    note: '中央不承担省级提标部分；未列类别的地区按市管县比例。',
    rows: [row('省直管县', null, '0', '15', '0', '5'), row('市管县', null, '0', '15', '2.5', '2.5'), row(null, null, '0', '15', '2.5', '2.5')],
  },
  {
    id: 'henan-graded',
    name: '河南·按财力分档',
    provinceCode: '410000',
    source: '豫政办〔2021〕75号（省辖市本级三档，省分担 20%/30%/40%；济源和县（市）四档，省分担 30%/40%/50%/60%）',
    status: 'sourced',
    note: '中央按档分担；各地所属档次文件未公布，请在“行政区与人口”中逐地设置。未设档次的地区暂按 30% 省级、其余市县各半（待核实）。',
    rows: [
      row('市辖区', 1, 'tier', '20', '80', '0'),
      row('市辖区', 2, 'tier', '30', '70', '0'),
      row('市辖区', 3, 'tier', '40', '60', '0'),
      row(null, 1, 'tier', '30', '0', '70'),
      row(null, 2, 'tier', '40', '0', '60'),
      row(null, 3, 'tier', '50', '0', '50'),
      row(null, 4, 'tier', '60', '0', '40'),
      row(null, null, 'tier', '30', '35', '35'),
    ],
  },
];
