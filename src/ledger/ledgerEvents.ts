// The household page tells the list a visit was recorded, so the list updates its chip in place.
import Taro from '@tarojs/taro';

export interface VisitRecorded {
  householdId: string;
  visitedAt: number;
  complete: boolean;
}

const VISIT_RECORDED = 'ledger:visitRecorded';

export function announceVisit(v: VisitRecorded): void {
  Taro.eventCenter.trigger(VISIT_RECORDED, v);
}

export function onVisitRecorded(listener: (v: VisitRecorded) => void): () => void {
  Taro.eventCenter.on(VISIT_RECORDED, listener);
  return () => {
    Taro.eventCenter.off(VISIT_RECORDED, listener);
  };
}
