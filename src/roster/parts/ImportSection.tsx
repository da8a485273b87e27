// 名册导入 in the 社区管理 console.
import { call } from '../../api/client';
import ImportFlow from '../../components/work/ImportFlow';

export default function ImportSection() {
  return (
    <ImportFlow
      idPrefix='import'
      noun='名册'
      templateTitle='下载名册模板（.xlsx）'
      templateFooter='模板每行一个邻：片、组、邻的名称，片长、组长、邻长的姓名和手机号，邻负责的楼栋单元。'
      chooseTitle='选择名册文件（.xlsx）'
      loadTemplate={() => call('roster', 'template', {})}
      runImport={(fileId, dryRun) => call('roster', 'import', { fileId, dryRun })}
      rowLabel={(r) => (r.unit ? ` · ${r.unit}` : '')}
      stepNoun='个片、组、邻'
    />
  );
}
