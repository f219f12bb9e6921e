// ECharts with the chart types and components the pages draw, registered once.
// Keep the series list in step with SUPPORTED_SERIES in chart-option.js.
import * as echarts from 'echarts/core';
import {
  LineChart, BarChart, PieChart, ScatterChart, RadarChart, HeatmapChart,
  GaugeChart, FunnelChart, CandlestickChart, SankeyChart,
} from 'echarts/charts';
import {
  TitleComponent, TooltipComponent, LegendComponent, GridComponent,
  PolarComponent, RadarComponent, DatasetComponent, TransformComponent,
  DataZoomComponent, VisualMapComponent, MarkLineComponent, MarkPointComponent,
  MarkAreaComponent,
} from 'echarts/components';
import { LabelLayout, UniversalTransition } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart, BarChart, PieChart, ScatterChart, RadarChart, HeatmapChart,
  GaugeChart, FunnelChart, CandlestickChart, SankeyChart,
  TitleComponent, TooltipComponent, LegendComponent, GridComponent,
  PolarComponent, RadarComponent, DatasetComponent, TransformComponent,
  DataZoomComponent, VisualMapComponent, MarkLineComponent, MarkPointComponent,
  MarkAreaComponent, LabelLayout, UniversalTransition, CanvasRenderer,
]);

export { echarts };
