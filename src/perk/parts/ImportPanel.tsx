// 管理员 › 导入 支持单位与优惠. Partners are known by name and perks by partner and title,
// so importing the same sheet twice changes nothing.
import { call } from '../../api/client';
import ImportFlow from '../../components/work/ImportFlow';

export default function ImportPanel() {
  return (
    <ImportFlow
      idPrefix='perk-import'
      noun='表格'
      templateTitle='下载支持单位与优惠模板（.xlsx）'
      templateFooter='每行一项优惠：商家名称、类别、地址、经纬度、营业时间、电话，优惠名称、内容、适用对象、起止日期和使用限制。'
      chooseTitle='选择表格文件（.xlsx）'
      loadTemplate={() => call('perk', 'importTemplate', {})}
      runImport={(fileId, dryRun) => call('perk', 'import', { fileId, dryRun })}
      rowLabel={(r) => `${r.partner ? ` · ${r.partner}` : ''}${r.perk ? ` · ${r.perk}` : ''}`}
    />
  );
}
