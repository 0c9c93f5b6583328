// The five seed documents (seeds/documents/README.md). Facts are as the seed copies print them; where a copy
// gives no number or date it is null here, not filled in from memory.
import type { SeedDocument } from './types';

export const SEED_DOCUMENTS: SeedDocument[] = [
  {
    id: 'national-13th-plan',
    title: '“十三五”推进基本公共服务均等化规划',
    issuer: '国务院',
    docNumber: '国发〔2017〕9号',
    issuedOn: '2017-01-23',
    period: '十三五',
    fileName: 'national-13th-equalization-plan.txt',
    originalFile: '004_924da464e9dfc889.txt',
  },
  {
    id: 'henan-13th-plan',
    title: '河南省“十三五”基本公共服务均等化规划',
    issuer: '河南省人民政府办公厅',
    // The copy prints no document number.
    docNumber: null,
    issuedOn: '2017-01-12',
    period: '十三五',
    fileName: 'henan-13th-plan.txt',
    originalFile: '000_9dcfddc319ed6433.txt',
  },
  {
    id: 'hebei-13th-plan',
    title: '河北省“十三五”推进基本公共服务均等化规划',
    issuer: '河北省人民政府',
    docNumber: '冀政发〔2018〕12号',
    issuedOn: '2018-06-03',
    period: '十三五',
    fileName: 'hebei-13th-plan.txt',
    originalFile: '001_c01123605e29fb57.txt',
  },
  {
    id: 'gansu-13th-plan',
    title: '甘肃省“十三五”推进基本公共服务均等化规划',
    issuer: '甘肃省人民政府办公厅',
    docNumber: '甘政办发〔2017〕137号',
    // The signature date (落款); the hosting site shows 2017-08-18, its posting date.
    issuedOn: '2017-08-05',
    period: '十三五',
    fileName: 'gansu-13th-plan.txt',
    originalFile: '002_7046461d4dd42db8.txt',
  },
  {
    id: 'national-14th-plan',
    title: '“十四五”公共服务规划',
    // The copy is a repost without its cover notice: no issuer, number or date (commonly cited as
    // 发改社会〔2021〕1946号, unverified against any seed, so not recorded).
    issuer: null,
    docNumber: null,
    issuedOn: null,
    period: '十四五',
    fileName: 'national-14th-public-service-plan.txt',
    originalFile: '003_5721cded6adf9af8.txt',
  },
];
