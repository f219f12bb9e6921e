// The studio's chart view (dist/charts.html): the run console hands it the ```chart
// blocks of an answer and it draws them with the same checks as the chat page.
//   window.flowdeckShowCharts(['{...option...}', ...]) → how many were drawn
import { echarts } from './echarts-setup.js';
import { parseChartSource, sanitizeChartOption } from './chart-option.js';

const root = document.getElementById('charts');
// The studio's theme comes in the address (?theme=dark|light); without it, the system's.
const theme = new URLSearchParams(location.search).get('theme');
const dark = theme ? theme === 'dark' : window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
if (theme === 'dark' || theme === 'light') document.documentElement.style.colorScheme = theme;
let charts = [];

window.flowdeckShowCharts = (sources) => {
  for (const c of charts) c.dispose();
  charts = [];
  root.replaceChildren();
  let drawn = 0;
  for (const src of sources) {
    const option = parseChartSource(src);
    const box = document.createElement('div');
    root.append(box);
    if (!option) {
      box.className = 'chart-failed';
      box.textContent = 'This chart block is not a drawable ECharts option:\n' + src;
      continue;
    }
    box.className = 'chart';
    let chart = null;
    try {
      chart = echarts.init(box, dark ? 'dark' : null, { renderer: 'canvas' });
      chart.setOption(sanitizeChartOption(option));
    } catch (err) {
      // One option ECharts cannot draw does not stop the charts after it.
      if (chart) chart.dispose();
      box.className = 'chart-failed';
      box.textContent = 'This chart could not be drawn (' + (err && err.message ? err.message : err) + '):\n' + src;
      continue;
    }
    charts.push(chart);
    drawn += 1;
  }
  document.body.dataset.charts = String(drawn);
  return drawn;
};
window.addEventListener('resize', () => { for (const c of charts) c.resize(); });
