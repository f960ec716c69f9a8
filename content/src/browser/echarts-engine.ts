import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The parts of ECharts Baruga draws with, and nothing else: this module is the one the first chart imports, so the
 * bundler keeps only bars, lines, pies, their grid and legend, and the SVG renderer in its chunk.
 */
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, SVGRenderer]);

export { echarts };
