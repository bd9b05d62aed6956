/**
 * GB/T 21010-2017《土地利用现状分类》(12 一级类, 73 二级类), and the working classification of the
 * third national land survey (《第三次全国国土调查工作分类》, "三调") built on it. Both are coded in
 * the `DLBM` (地类编码) column of survey files.
 *
 * Edition: GB/T 21010-2017, published and in force 2017-11-01, replacing GB/T 21010-2007 (which
 * had 3-digit codes such as 011 水田; those are not in this list and show as unknown codes).
 *
 * Where the codes were transcribed from (nothing here is written from memory):
 * - The 73 二级类, codes and names: a public repository's dictionary of "土地利用类型" (code-search
 *   index id 38753020595, tdlylxData, 0101 水田 … 1207 裸岩石砾地); the 一级类 names and the
 *   structure from the standard's table as reproduced at
 *   http://montevarchicalcio.com/xunyiweb/news/2019-7-24/388.html ("土地利用现状分类 GB/T21010-2017",
 *   一级类/二级类 with 类别编码) and at https://max.book118.com/html/2021/0729/6140120032003222.shtm
 *   (表 1 土地利用现状分类和三大地类对应: 0301 乔木林地 … 0307 其他林地). A second repository
 *   (index id 48799469092) agrees on the 一级类 names as section headings.
 * - The 三调 working classification: the table "国土调查工作分类" (SURVEY_TREE) in a public
 *   repository that transcribed it from a PDF's appendix I 表 I (code-search index id 54947662366):
 *   00 湿地 gathers 0303 0304 0306 0402 0603 1105 1106 1108; 05 becomes 商业服务业用地 with 05H1 and
 *   0508; 06 工矿用地; 08H1 and 08H2 merge the 08 classes; 09 特殊用地 has no 二级类. Its 1004, 1005
 *   and 0809 names are the 2017 standard's. The same merged codes (05H1, 08H1, 08H2, 0810) appear in
 *   nixnfg/ArcGIS-Pro-CCTool@6fb8c750 (Data/Excel/三调规程/, a 三调 tool) and in index id 9960279170.
 * - The letters 三调 files append to a code: K for 可调整 (0201K 可调整果园, 0301K 可调整乔木林地,
 *   0403K 可调整人工牧草地 …) and A for a named part of a class (0810A 广场用地, 08H2A 高教用地,
 *   1104A 养殖坑塘), from the 三调 map style of MapGIS/WebClient-Vue (cesium/docs/template/guotu.md,
 *   "三调样式", filters on 地类编码; code-search index id 46741925431), and 1104A 养殖坑塘 / 1107A 干渠
 *   in index id 48799469092. No complete list of them was found, so they are not classes here: a
 *   value made of a 三调 code and one of these letters counts under that code's class and is listed
 *   apart as such, never silently.
 *
 * Colours: no official colour table for either list was found, so the app draws these classes with
 * a stated palette (see land-use-palette.ts) and says so on screen.
 */
import { flattenClassTree, type ClassTree, type ClassificationStandard } from './classification-types.ts';

const GB_T_21010_2017_TREE: ClassTree = [
  ['01', '耕地', [['0101', '水田'], ['0102', '水浇地'], ['0103', '旱地']]],
  ['02', '园地', [['0201', '果园'], ['0202', '茶园'], ['0203', '橡胶园'], ['0204', '其他园地']]],
  [
    '03',
    '林地',
    [['0301', '乔木林地'], ['0302', '竹林地'], ['0303', '红树林地'], ['0304', '森林沼泽'], ['0305', '灌木林地'], ['0306', '灌丛沼泽'], ['0307', '其他林地']],
  ],
  ['04', '草地', [['0401', '天然牧草地'], ['0402', '沼泽草地'], ['0403', '人工牧草地'], ['0404', '其他草地']]],
  [
    '05',
    '商服用地',
    [['0501', '零售商业用地'], ['0502', '批发市场用地'], ['0503', '餐饮用地'], ['0504', '旅馆用地'], ['0505', '商务金融用地'], ['0506', '娱乐用地'], ['0507', '其他商服用地']],
  ],
  ['06', '工矿仓储用地', [['0601', '工业用地'], ['0602', '采矿用地'], ['0603', '盐田'], ['0604', '仓储用地']]],
  ['07', '住宅用地', [['0701', '城镇住宅用地'], ['0702', '农村宅基地']]],
  [
    '08',
    '公共管理与公共服务用地',
    [
      ['0801', '机关团体用地'],
      ['0802', '新闻出版用地'],
      ['0803', '教育用地'],
      ['0804', '科研用地'],
      ['0805', '医疗卫生用地'],
      ['0806', '社会福利用地'],
      ['0807', '文化设施用地'],
      ['0808', '体育用地'],
      ['0809', '公用设施用地'],
      ['0810', '公园与绿地'],
    ],
  ],
  ['09', '特殊用地', [['0901', '军事设施用地'], ['0902', '使领馆用地'], ['0903', '监教场所用地'], ['0904', '宗教用地'], ['0905', '殡葬用地'], ['0906', '风景名胜设施用地']]],
  [
    '10',
    '交通运输用地',
    [
      ['1001', '铁路用地'],
      ['1002', '轨道交通用地'],
      ['1003', '公路用地'],
      ['1004', '城镇村道路用地'],
      ['1005', '交通服务场站用地'],
      ['1006', '农村道路'],
      ['1007', '机场用地'],
      ['1008', '港口码头用地'],
      ['1009', '管道运输用地'],
    ],
  ],
  [
    '11',
    '水域及水利设施用地',
    [
      ['1101', '河流水面'],
      ['1102', '湖泊水面'],
      ['1103', '水库水面'],
      ['1104', '坑塘水面'],
      ['1105', '沿海滩涂'],
      ['1106', '内陆滩涂'],
      ['1107', '沟渠'],
      ['1108', '沼泽地'],
      ['1109', '水工建筑用地'],
      ['1110', '冰川及永久积雪'],
    ],
  ],
  ['12', '其他土地', [['1201', '空闲地'], ['1202', '设施农用地'], ['1203', '田坎'], ['1204', '盐碱地'], ['1205', '沙地'], ['1206', '裸土地'], ['1207', '裸岩石砾地']]],
];

const THIRD_NATIONAL_SURVEY_TREE: ClassTree = [
  ['00', '湿地', [['0303', '红树林地'], ['0304', '森林沼泽'], ['0306', '灌丛沼泽'], ['0402', '沼泽草地'], ['0603', '盐田'], ['1105', '沿海滩涂'], ['1106', '内陆滩涂'], ['1108', '沼泽地']]],
  ['01', '耕地', [['0101', '水田'], ['0102', '水浇地'], ['0103', '旱地']]],
  ['02', '园地', [['0201', '果园'], ['0202', '茶园'], ['0203', '橡胶园'], ['0204', '其他园地']]],
  ['03', '林地', [['0301', '乔木林地'], ['0302', '竹林地'], ['0305', '灌木林地'], ['0307', '其他林地']]],
  ['04', '草地', [['0401', '天然牧草地'], ['0403', '人工牧草地'], ['0404', '其他草地']]],
  ['05', '商业服务业用地', [['05H1', '商业服务业设施用地'], ['0508', '物流仓储用地']]],
  ['06', '工矿用地', [['0601', '工业用地'], ['0602', '采矿用地']]],
  ['07', '住宅用地', [['0701', '城镇住宅用地'], ['0702', '农村宅基地']]],
  ['08', '公共管理与公共服务用地', [['08H1', '机关团体新闻出版用地'], ['08H2', '科教文卫用地'], ['0809', '公用设施用地'], ['0810', '公园与绿地']]],
  ['09', '特殊用地'],
  [
    '10',
    '交通运输用地',
    [
      ['1001', '铁路用地'],
      ['1002', '轨道交通用地'],
      ['1003', '公路用地'],
      ['1004', '城镇村道路用地'],
      ['1005', '交通服务场站用地'],
      ['1006', '农村道路'],
      ['1007', '机场用地'],
      ['1008', '港口码头用地'],
      ['1009', '管道运输用地'],
    ],
  ],
  ['11', '水域及水利设施用地', [['1101', '河流水面'], ['1102', '湖泊水面'], ['1103', '水库水面'], ['1104', '坑塘水面'], ['1107', '沟渠'], ['1109', '水工建筑用地'], ['1110', '冰川及永久积雪']]],
  ['12', '其他土地', [['1201', '空闲地'], ['1202', '设施农用地'], ['1203', '田坎'], ['1204', '盐碱地'], ['1205', '沙地'], ['1206', '裸土地'], ['1207', '裸岩石砾地']]],
];

const NO_OFFICIAL_COLOURS = {
  zh: '未找到该分类的官方配色表，图上颜色为本应用的示意配色（按一级类区分）。',
  en: 'No official colour table was found for this classification; the map uses this app’s stated palette (one hue per 一级类).',
} as const;

export const GB_T_21010_2017: ClassificationStandard = {
  id: 'gb-t-21010-2017',
  title: { zh: 'GB/T 21010-2017 土地利用现状分类', en: 'GB/T 21010-2017 Current land use classification' },
  edition: 'GB/T 21010-2017（2017-11-01 发布实施，代替 GB/T 21010-2007）',
  sources: [
    'GB/T 21010-2017 table as reproduced at montevarchicalcio.com/xunyiweb/news/2019-7-24/388.html and max.book118.com/html/2021/0729/6140120032003222.shtm',
    'code dictionary in a public repository (code-search index id 38753020595)',
  ],
  classes: flattenClassTree(GB_T_21010_2017_TREE),
  colours: null,
  colourSource: NO_OFFICIAL_COLOURS,
};

export const THIRD_NATIONAL_SURVEY: ClassificationStandard = {
  id: 'third-national-survey',
  title: { zh: '第三次全国国土调查工作分类（三调）', en: 'Third national land survey working classification (三调)' },
  edition: '《第三次全国国土调查工作分类》（基于 GB/T 21010-2017，增设 00 湿地并归并部分二级类）',
  sources: [
    '国土调查工作分类 table transcribed from a PDF appendix I 表 I in a public repository (code-search index id 54947662366)',
    'merged codes 05H1/08H1/08H2 also in nixnfg/ArcGIS-Pro-CCTool@6fb8c750ce0560d55823d73690840dc27d46d6ca',
  ],
  classes: flattenClassTree(THIRD_NATIONAL_SURVEY_TREE),
  colours: null,
  colourSource: NO_OFFICIAL_COLOURS,
  suffixes: {
    K: { zh: 'K：可调整地类（如 0201K 可调整果园）', en: 'K: adjustable (可调整), e.g. 0201K adjustable orchard' },
    A: { zh: 'A：地类中单列的部分（如 0810A 广场用地、1104A 养殖坑塘）', en: 'A: a part of the class listed on its own, e.g. 0810A squares, 1104A aquaculture ponds' },
  },
};
