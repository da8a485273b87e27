// The columns of the partner-and-perk sheet, declared once: the import reads them, the
// template writes them with their explanations. One row per perk; the partner's columns
// repeat on each of its rows (or stay blank after its first row).

export type PerkColumnKey =
  | 'name'
  | 'category'
  | 'address'
  | 'lat'
  | 'lng'
  | 'hours'
  | 'phone'
  | 'scope'
  | 'intro'
  | 'title'
  | 'description'
  | 'eligibility'
  | 'validFrom'
  | 'validTo'
  | 'limit';

export interface PerkColumn {
  key: PerkColumnKey;
  header: string;
  aliases: string[];
  /** The header must be present (the cell may still be blank where the help says so). */
  required: boolean;
  width: number;
  help: string;
}

export const PERK_COLUMNS: PerkColumn[] = [
  { key: 'name', header: '商家名称', aliases: ['支持单位', '单位名称', '商家', '名称'], required: true, width: 22, help: '支持单位的名称，在全区内不能重名（分店请写上店名，如“XX药房（建设路店）”）。按名称识别：系统中已有的会更新，没有的会新建。' },
  { key: 'category', header: '类别', aliases: ['优惠类别', '行业', '分类'], required: true, width: 10, help: '8类之一：卫生健康、养老、就学、餐饮、文体、出行、生活服务、购物。新商家必填。' },
  { key: 'address', header: '地址', aliases: ['商家地址', '详细地址'], required: true, width: 30, help: '门店地址，显示在优惠详情并用于导航。新商家必填。' },
  { key: 'lat', header: '纬度', aliases: ['lat', '纬度(lat)'], required: true, width: 11, help: '门店位置的纬度（腾讯地图坐标拾取器可查），岳塘约为 27.8。新商家必填。' },
  { key: 'lng', header: '经度', aliases: ['lng', 'lon', '经度(lng)'], required: true, width: 11, help: '门店位置的经度，岳塘约为 112.9。注意不要与纬度填反。新商家必填。' },
  { key: 'hours', header: '营业时间', aliases: ['营业时段', '服务时间'], required: false, width: 20, help: '如“每天 09:00-21:00”。新商家必填。' },
  { key: 'phone', header: '电话', aliases: ['联系电话', '商家电话', '门店电话'], required: false, width: 16, help: '手机号或带区号的固话，如 0731-58001234。新商家必填。' },
  { key: 'scope', header: '服务范围', aliases: ['管理单位', '所属镇街', '所属区域'], required: false, width: 14, help: '由哪一级管理：您管理范围内的区、镇街或社区的名称。不填即为您所在的单位。' },
  { key: 'intro', header: '商家简介', aliases: ['简介', '介绍'], required: false, width: 30, help: '选填，最多200字。' },
  { key: 'title', header: '优惠名称', aliases: ['优惠', '优惠项目', '优惠标题'], required: true, width: 22, help: '如“堂食九折”，同一商家内不能重名。只登记商家、暂无优惠时可留空（后面几列也留空）。' },
  { key: 'description', header: '优惠内容', aliases: ['优惠说明', '使用说明', '内容'], required: false, width: 36, help: '优惠的具体内容和使用说明，最多300字。填写优惠名称时必填。' },
  { key: 'eligibility', header: '适用对象', aliases: ['适用人群', '对象'], required: false, width: 16, help: '邻长、组长、片长、最美邻长中的一个或多个，用顿号隔开；“三长”表示邻长、组长、片长。不填即为三长。' },
  { key: 'validFrom', header: '开始日期', aliases: ['起始日期', '生效日期', '开始时间'], required: false, width: 12, help: '如 2026-12-01（北京时间，当天起可用）。填写优惠名称时必填。' },
  { key: 'validTo', header: '结束日期', aliases: ['截止日期', '失效日期', '结束时间'], required: false, width: 12, help: '如 2027-06-30（当天仍可用）。填写优惠名称时必填。' },
  { key: 'limit', header: '使用限制', aliases: ['限用次数', '每人限用', '次数限制'], required: false, width: 14, help: '每人限用次数：“每天1次”“每周2次”“每月1次”或“共3次”。填写优惠名称时必填。' },
];
