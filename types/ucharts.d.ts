// @qiun/ucharts ships no types: the little of its API the 工作台's charts use (src/desk/parts/Charts.tsx).
declare module '@qiun/ucharts' {
  interface UChartsSeries {
    name: string;
    data: number[];
    color?: string;
  }
  export interface UChartsOptions {
    type: 'column' | 'line';
    context: unknown;
    width: number;
    height: number;
    pixelRatio: number;
    categories: string[];
    series: UChartsSeries[];
    color?: string[];
    fontSize?: number;
    fontColor?: string;
    background?: string;
    animation?: boolean;
    canvas2d?: boolean;
    dataLabel?: boolean;
    dataPointShape?: boolean;
    padding?: number[];
    legend?: Record<string, unknown>;
    xAxis?: Record<string, unknown>;
    yAxis?: Record<string, unknown>;
    extra?: Record<string, unknown>;
  }
  export default class UCharts {
    /** Draws the chart onto opts.context at once (with animation false). */
    constructor(opts: UChartsOptions);
  }
}
