/**
 * The geometry of a horizontal bar chart drawn server-side as SVG (views/office/admin/partials/barChart.ejs):
 * one row per label, its name on a line above its bar, the count at the bar's end. Names are never cut, so a
 * long programme title stays readable; the figures are also in the table under each chart.
 */
export interface BarChartRow {
  label: string;
  count: number;
}

export interface BarChart {
  width: number;
  height: number;
  barHeight: number;
  bars: { label: string; count: number; labelY: number; barY: number; barWidth: number; countX: number }[];
}

const WIDTH = 640;
const ROW_HEIGHT = 40;
const BAR_HEIGHT = 14;
const LABEL_TO_BAR = 6;
// Room left at the right of the longest bar for its count.
const COUNT_ROOM = 64;

export function barChart(rows: BarChartRow[]): BarChart {
  const largest = Math.max(0, ...rows.map((row) => row.count));
  const maxBar = WIDTH - COUNT_ROOM;
  const bars = rows.map((row, index) => {
    const top = index * ROW_HEIGHT;
    // A count of zero draws no bar; any other at least a visible sliver.
    const barWidth = largest === 0 || row.count === 0 ? 0 : Math.max(2, Math.round((row.count / largest) * maxBar));
    return {
      label: row.label,
      count: row.count,
      labelY: top + 14,
      barY: top + 14 + LABEL_TO_BAR,
      barWidth,
      countX: barWidth + 6,
    };
  });
  return { width: WIDTH, barHeight: BAR_HEIGHT, height: Math.max(ROW_HEIGHT, rows.length * ROW_HEIGHT), bars };
}
