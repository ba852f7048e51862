/**
 * Built-in glossary of agency types: the Chinese cores a unit name is built on (交通 in 区交通局) and the
 * English words people use for them. English names of units in this area are not standardised, so each
 * topic lists the common renderings; the first is the display form.
 */

/** What kind of body a unit is, read from the end of its name. */
export type UnitKind =
  | 'subdistrict'
  | 'town'
  | 'group'
  | 'center'
  | 'commission'
  | 'bureau'
  | 'department'
  | 'office'
  | 'school';

export interface KindEntry {
  kind: UnitKind;
  /** Chinese name endings, longest first within the entry. */
  zh: readonly string[];
  /** English words, lower case; the first is the display form. */
  en: readonly string[];
}

/** Checked in this order, so 街道办事处 is a subdistrict before 办 makes it an office. */
export const KINDS: readonly KindEntry[] = [
  { kind: 'subdistrict', zh: ['街道办事处', '街道办', '街道'], en: ['subdistrict', 'street', 'jiedao'] },
  { kind: 'town', zh: ['镇人民政府', '镇政府', '镇', '乡'], en: ['town', 'township'] },
  { kind: 'group', zh: ['集团有限公司', '集团公司', '集团', '公司'], en: ['group', 'corporation', 'company'] },
  { kind: 'center', zh: ['中心'], en: ['center', 'centre'] },
  { kind: 'commission', zh: ['委员会', '委'], en: ['commission', 'committee'] },
  { kind: 'bureau', zh: ['局'], en: ['bureau', 'administration', 'authority', 'agency'] },
  { kind: 'department', zh: ['部'], en: ['department', 'dept'] },
  { kind: 'office', zh: ['办公室', '办事处', '办', '处'], en: ['office'] },
  { kind: 'school', zh: ['学校', '校'], en: ['school'] },
];

export interface TopicEntry {
  id: string;
  /** Chinese cores; a name belongs to the topic when it contains one. */
  zh: readonly string[];
  /** English renderings without the kind word, lower case; the first is the display form. */
  en: readonly string[];
}

/** Agency topics, each with its Chinese cores and English renderings. */
export const TOPICS: readonly TopicEntry[] = [
  { id: 'transport', zh: ['交通运输', '交通'], en: ['transport', 'transportation', 'traffic'] },
  { id: 'forestry', zh: ['林业'], en: ['forestry'] },
  { id: 'justice', zh: ['司法'], en: ['justice', 'judicial'] },
  { id: 'commerce', zh: ['商务'], en: ['commerce', 'business'] },
  { id: 'health', zh: ['卫生健康', '卫健', '卫生'], en: ['health', 'health and wellness'] },
  {
    id: 'hrss',
    zh: ['人力资源和社会保障', '人力资源社会保障', '人力社保', '人社'],
    en: ['human resources and social security', 'human resources', 'hrss', 'hr', 'social security'],
  },
  {
    id: 'veterans',
    zh: ['退役军人事务', '退役军人'],
    en: ['veterans affairs', 'veteran affairs', 'veterans', 'retired servicemen affairs'],
  },
  {
    id: 'market',
    zh: ['市场监督管理', '市场监管'],
    en: ['market regulation', 'market supervision', 'market supervision and administration', 'market regulatory'],
  },
  { id: 'urban-management', zh: ['城市管理', '城管'], en: ['urban management', 'city management', 'chengguan'] },
  {
    id: 'agriculture',
    zh: ['农业农村', '农委', '农业'],
    en: ['agriculture and rural affairs', 'agriculture', 'agricultural', 'rural affairs'],
  },
  {
    id: 'housing',
    zh: ['住房和城乡建', '住房城乡建', '住建', '建委'],
    en: ['housing and urban-rural development', 'housing and urban rural development', 'housing', 'construction'],
  },
  { id: 'science', zh: ['科学技术', '科技'], en: ['science and technology', 'science', 'technology', 'sci-tech'] },
  { id: 'taxation', zh: ['税务'], en: ['taxation', 'tax'] },
  { id: 'publicity', zh: ['委宣传部', '宣传部', '宣传'], en: ['publicity', 'propaganda'] },
  { id: 'party-school', zh: ['委党校', '党校'], en: ['party'] },
  {
    id: 'armed-forces',
    zh: ['人民武装部', '人武部', '人武'],
    en: ["people's armed forces", 'armed forces', 'pafd'],
  },
  {
    id: 'state-assets',
    zh: ['国有资产监督管理', '国资'],
    en: ['state-owned assets', 'state owned assets', 'state assets', 'sasac'],
  },
  { id: 'education', zh: ['教育'], en: ['education'] },
  { id: 'finance', zh: ['财政'], en: ['finance', 'financial'] },
  { id: 'public-security', zh: ['公安'], en: ['public security', 'police'] },
  { id: 'civil-affairs', zh: ['民政'], en: ['civil affairs'] },
  {
    id: 'ecology',
    zh: ['生态环境', '环境保护', '环保'],
    en: ['ecology and environment', 'ecological environment', 'environment', 'environmental protection'],
  },
  { id: 'water', zh: ['水利'], en: ['water resources', 'water', 'water conservancy'] },
  { id: 'culture-tourism', zh: ['文化和旅游', '文化旅游', '文旅'], en: ['culture and tourism', 'culture', 'tourism'] },
  { id: 'emergency', zh: ['应急管理', '应急'], en: ['emergency management', 'emergency'] },
  { id: 'development-reform', zh: ['发展和改革', '发展改革', '发改'], en: ['development and reform', 'drc'] },
  { id: 'statistics', zh: ['统计'], en: ['statistics', 'statistical'] },
  { id: 'audit', zh: ['审计'], en: ['audit', 'auditing'] },
  {
    id: 'natural-resources',
    zh: ['规划和自然资源', '规划自然资源', '自然资源', '国土资源', '国土'],
    en: ['planning and natural resources', 'natural resources', 'planning'],
  },
  {
    id: 'urban-investment',
    zh: ['城市建设投资', '城投'],
    en: ['urban construction investment', 'city investment', 'urban investment', 'chengtou'],
  },
  { id: 'tourism-investment', zh: ['旅游投资', '旅投'], en: ['tourism investment'] },
  { id: 'big-data', zh: ['政务服务数据管理', '大数据', '政务数据', '数据'], en: ['big data', 'data', 'government data', 'digital government'] },
  { id: 'letters-visits', zh: ['信访'], en: ['letters and visits', 'letters and calls', 'petitions', 'petition'] },
  { id: 'medical-security', zh: ['医疗保障', '医保'], en: ['medical security', 'medical insurance', 'healthcare security'] },
  {
    id: 'industry-it',
    zh: ['工业和信息化', '工业信息化', '经济和信息化', '经济信息化', '工信', '经信'],
    en: ['industry and information technology', 'industry and information', 'economy and information', 'miit', 'industry'],
  },
  { id: 'government-services', zh: ['政务服务', '行政审批', '政务'], en: ['government services', 'administrative services', 'administrative approval'] },
  { id: 'high-tech-zone', zh: ['高新技术产业开发区', '高新区'], en: ['high-tech zone', 'high tech zone', 'hi-tech zone', 'high-tech park'] },
  { id: 'development-zone', zh: ['经济技术开发区', '经济开发区', '经开区', '开发区'], en: ['development zone', 'economic development zone', 'economic zone'] },
];
