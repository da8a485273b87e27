// The columns of the roster sheet, declared once: the import reads them, the template
// writes them with their explanations.

export type ColumnKey =
  | 'street'
  | 'community'
  | 'area'
  | 'areaLeadName'
  | 'areaLeadPhone'
  | 'group'
  | 'groupLeadName'
  | 'groupLeadPhone'
  | 'unit'
  | 'unitLeadName'
  | 'unitLeadPhone'
  | 'buildings';

export interface Column {
  key: ColumnKey;
  header: string;
  /** Other headers people write for the same column. */
  aliases: string[];
  required: boolean;
  width: number;
  help: string;
}

export const COLUMNS: Column[] = [
  {
    key: 'street',
    header: '镇街',
    aliases: ['街道', '镇', '乡镇街道', '镇（街道）', '所属镇街'],
    required: false,
    width: 12,
    help: '社区所属的镇或街道，须与系统中的名称一致。社区管理员可以不填；镇街、区管理员请填写，以区分同名社区。',
  },
  {
    key: 'community',
    header: '社区',
    aliases: ['社区/村', '村社区', '村（社区）', '社区（村）', '所属社区'],
    required: true,
    width: 14,
    help: '社区或村的名称，须是系统中已有、且在您管理范围内的社区。',
  },
  {
    key: 'area',
    header: '片',
    aliases: ['片区', '片名', '所属片'],
    required: true,
    width: 10,
    help: '片的名称，如“第一片”。同一社区内按名称识别，系统中没有的片会新建。',
  },
  {
    key: 'areaLeadName',
    header: '片长',
    aliases: ['片长姓名'],
    required: false,
    width: 10,
    help: '片长姓名。同一个片只需在一行填写；多行填写时必须一致，以第一次出现的为准。',
  },
  {
    key: 'areaLeadPhone',
    header: '片长电话',
    aliases: ['片长手机', '片长手机号', '片长联系电话'],
    required: false,
    width: 14,
    help: '片长的11位手机号。与片长姓名同时填写。',
  },
  {
    key: 'group',
    header: '组',
    aliases: ['组名', '所属组'],
    required: true,
    width: 10,
    help: '组的名称，如“第一组”。在所属片内按名称识别，系统中没有的组会新建。',
  },
  {
    key: 'groupLeadName',
    header: '组长',
    aliases: ['组长姓名'],
    required: false,
    width: 10,
    help: '组长姓名。同一个组只需在一行填写；多行填写时必须一致，以第一次出现的为准。',
  },
  {
    key: 'groupLeadPhone',
    header: '组长电话',
    aliases: ['组长手机', '组长手机号', '组长联系电话'],
    required: false,
    width: 14,
    help: '组长的11位手机号。与组长姓名同时填写。',
  },
  {
    key: 'unit',
    header: '邻',
    aliases: ['邻名', '邻的名称', '所属邻'],
    required: true,
    width: 16,
    help: '邻的名称，如“3栋1单元邻”，在同一社区内不能重名。每个邻占一行；已有的邻不能通过导入改到别的组。',
  },
  {
    key: 'unitLeadName',
    header: '邻长',
    aliases: ['邻长姓名'],
    required: true,
    width: 10,
    help: '邻长姓名，必填。',
  },
  {
    key: 'unitLeadPhone',
    header: '邻长电话',
    aliases: ['邻长手机', '邻长手机号', '邻长联系电话'],
    required: true,
    width: 14,
    help: '邻长的11位手机号，必填，会完整印在邻长联系卡上。换了手机号即视为换了邻长（原邻长记入历任）。',
  },
  {
    key: 'buildings',
    header: '楼栋单元',
    aliases: ['服务楼栋', '楼栋', '楼栋/单元', '服务楼栋单元'],
    required: false,
    width: 28,
    help: '这个邻服务的楼栋单元，多个用顿号、逗号、分号或空格隔开，如“3栋1单元、3栋2单元”。已有的邻留空表示不修改。',
  },
];

/** A header as people type it: full-width folded, spaces, asterisks and notes like （必填） removed. */
