// One 部门's 办理人员 on the 管理员's 部门账号 page: who is bound (unbind someone who has left),
// the codes not used yet (withdraw one), and a new one-time code for a named person.
import { call } from '../../api/client';
import CallView from '../../components/CallView';
import BindingCodes from '../../components/work/BindingCodes';
import { useCall } from '../../hooks/useCall';
import '../minqing.scss';

export default function DepartmentStaff({ departmentId }: { departmentId: string }) {
  const state = useCall(() => call('minqing', 'departmentStaff', { departmentId }), [departmentId]);
  return (
    <CallView state={state} loadingText='正在读取办理人员…'>
      {({ department, staff }) => (
        <BindingCodes
          id='staff'
          rootId='department-staff'
          rows={staff}
          words={{
            title: `${department.name}的办理人员`,
            person: '办理人员',
            unnamed: '未注明是谁',
            removeTitle: '解除办理人员',
            removeNote: (who) => `解除后，${who}不能再查看和办理交给“${department.name}”的反映。已办理的记录会保留。`,
            empty: '还没有办理人员。部门的工作人员凭绑定码登录后，只能看到交给本部门办理的反映。',
            handTo: `请把绑定码交给“${department.name}”的工作人员`,
            howTo: (until) => `工作人员打开邻长通，在“我的 › 输入绑定码”里输入这8位数字，即可办理交给本部门的反映。只能使用一次，有效期至 ${until}。`,
            labelLabel: '工作人员称呼',
            labelHint: '写上是给谁的，以后在这里就知道是谁绑定的，人员调走时好解除。',
            placeholder: '如：办事员小李',
            create: '生成绑定码',
          }}
          remove={(code) => call('minqing', 'removeDepartmentStaff', { departmentId, code })}
          invite={(label) => call('minqing', 'departmentInvite', { departmentId, ...(label ? { label } : {}) })}
          onChanged={() => void state.reload()}
          fieldInForm
        />
      )}
    </CallView>
  );
}
