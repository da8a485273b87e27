import { View } from '@tarojs/components';
import { CellGroup } from '../../components/Cell';

/** 提交之后会怎样: numbered, plain steps. */
export default function NextSteps({ steps, title = '提交之后' }: { steps: string[]; title?: string }) {
  return (
    <CellGroup title={title} className='apply-next'>
      {steps.map((s, i) => (
        <View key={s} className='apply-next__step'>
          <View className='apply-next__no'>{i + 1}</View>
          <View className='apply-next__text'>{s}</View>
        </View>
      ))}
    </CellGroup>
  );
}
