// The steering dashboard's charts (Apache ECharts 6, canvas renderer: the page's Content-Security-Policy
// forbids inline style attributes, which the SVG renderer writes). Each chart's container carries its text
// alternative (role="img", aria-label) and is followed by its data table, rendered by the server; this script
// only draws. Only the chart types used are imported, to keep the bundle small.
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, FunnelChart, LineChart, MapChart, GridComponent, LegendComponent, TooltipComponent,
  VisualMapComponent, CanvasRenderer]);

const PRIMARY = '#1f4e8c';
const SECOND = '#2e7d32';
const THIRD = '#b45309';
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('fr-FR');
const charts = [];

function draw(name, option) {
  const el = document.querySelector(`[data-graphique="${name}"]`);
  if (!el) return null;
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'inherit' } }, option));
  el.dataset.rendu = 'oui';
  charts.push(chart);
  return chart;
}

function bars(name, groups, label) {
  draw(name, {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: groups.map(label), axisLabel: { interval: 0, width: 110, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Candidatures', type: 'bar', data: groups.map((g) => g.applications), itemStyle: { color: PRIMARY } },
      { name: 'Subventions', type: 'bar', data: groups.map((g) => g.grants), itemStyle: { color: SECOND } },
    ],
  });
}

async function main() {
  const root = document.getElementById('pilotage');
  if (!root) return;
  const d = await (await fetch(`/pilotage/donnees?campagne=${encodeURIComponent(root.dataset.campagne)}`,
    { headers: { Accept: 'application/json' } })).json();

  draw('etapes', {
    tooltip: { trigger: 'item', formatter: (p) => `${p.name} : ${number.format(p.value)}` },
    series: [{
      type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '8%', gap: 2,
      label: { show: true, position: 'inside', color: '#fff', formatter: (p) => `${p.name} : ${number.format(p.value)}` },
      data: d.funnel.map((c, i) => ({ name: c.label, value: c.count,
        itemStyle: { color: [PRIMARY, '#2b5f9e', '#3a6ea8', '#1d6b3a', SECOND][i] } })),
    }],
  });

  draw('montants', {
    tooltip: { trigger: 'axis', valueFormatter: (v) => euros.format(v) },
    grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => euros.format(v) } },
    yAxis: { type: 'category', inverse: true, data: d.amounts.map((a) => a.label) },
    series: [{ type: 'bar', data: d.amounts.map((a, i) => ({ value: Number(a.amount),
      itemStyle: { color: ['#6b7280', PRIMARY, PRIMARY, SECOND, SECOND, THIRD, THIRD, THIRD][i] } })) }],
  });

  bars('thematiques', d.byThematic, (g) => g.label);
  bars('ept', d.byEpt.filter((g) => g.code && g.code.length > 0 && !/^Hors/.test(g.label)), (g) => g.label);

  if (d.times.length) {
    draw('delais', {
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${number.format(v)} j` },
      legend: { top: 0 },
      grid: { left: 8, right: 24, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'value', name: 'jours' },
      yAxis: { type: 'category', inverse: true, data: d.times.map((t) => t.step), axisLabel: { width: 180, overflow: 'break' } },
      series: [
        { name: 'Médiane', type: 'bar', data: d.times.map((t) => Number(t.medianDays)), itemStyle: { color: PRIMARY } },
        { name: '90 % en moins de', type: 'bar', data: d.times.map((t) => Number(t.p90Days)), itemStyle: { color: THIRD } },
      ],
    });
  }

  draw('editions', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: d.years.map((g) => g.code) },
    yAxis: [{ type: 'value', name: 'dossiers', minInterval: 1 },
      { type: 'value', name: 'attribué', axisLabel: { formatter: (v) => euros.format(v) } }],
    series: [
      { name: 'Candidatures', type: 'bar', data: d.years.map((g) => g.applications), itemStyle: { color: PRIMARY } },
      { name: 'Subventions', type: 'bar', data: d.years.map((g) => g.grants), itemStyle: { color: SECOND } },
      { name: 'Montant attribué', type: 'line', yAxisIndex: 1, data: d.years.map((g) => Number(g.granted)),
        itemStyle: { color: THIRD }, tooltip: { valueFormatter: (v) => euros.format(v) } },
    ],
  });

  const mapEl = document.querySelector('[data-graphique="carte"]');
  if (mapEl) {
    const geo = await (await fetch('/geo/communes-93-seine-saint-denis.geojson')).json();
    echarts.registerMap('seine-saint-denis', geo);
    const byCode = new Map(d.byCommune.map((g) => [g.code, g]));
    const select = document.getElementById('carte-mesure');
    const map = draw('carte', {});
    const show = () => {
      const measure = select ? select.value : 'grants';
      const money = measure === 'granted';
      const data = geo.features.map((f) => {
        const g = byCode.get(f.properties.code);
        return { name: f.properties.nom, value: g ? Number(g[measure]) : 0 };
      });
      const max = Math.max(1, ...data.map((x) => x.value));
      map.setOption({
        tooltip: { trigger: 'item', formatter: (p) => `${p.name} : ${money ? euros.format(p.value || 0) : number.format(p.value || 0)}` },
        visualMap: { min: 0, max, left: 8, bottom: 8, calculable: false, text: ['plus', 'moins'],
          inRange: { color: ['#e8eef7', '#9bb6dc', PRIMARY] },
          formatter: (v) => (money ? euros.format(v) : number.format(Math.round(v))) },
        series: [{ type: 'map', map: 'seine-saint-denis', nameProperty: 'nom', roam: false, data,
          emphasis: { label: { show: true } }, select: { disabled: true } }],
      }, { replaceMerge: ['series'] });
    };
    show();
    if (select) select.addEventListener('change', show);
  }
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
}

main().catch((e) => {
  document.querySelectorAll('[data-graphique]').forEach((el) => { el.dataset.rendu = 'erreur'; });
  console.error('Graphiques du pilotage :', e);
});
