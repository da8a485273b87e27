// A handler's list of problems (待办, 辖区民情): paged by cursor, one ProblemCell a row.
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import CursorList from '../../components/CursorList';
import type { CursorReply, CursorState } from '../../hooks/useCursorPaged';
import type { ProblemRow } from '../types';
import ProblemCell from './ProblemCell';

interface Props<P extends CursorReply<ProblemRow>> {
  id: string;
  state: CursorState<ProblemRow, P>;
  /** A search's items: 继续查找 goes on. */
  searching: boolean;
  empty: ReactNode;
}

export default function ProblemList<P extends CursorReply<ProblemRow>>({ id, state, searching, empty }: Props<P>) {
  return (
    <CursorList state={state} id={id} searching={searching} empty={empty}>
      {(items) => (
        <View className='lzt-cells'>
          {items.map((r) => (
            <ProblemCell key={r.id} row={r} forHandler />
          ))}
        </View>
      )}
    </CursorList>
  );
}
