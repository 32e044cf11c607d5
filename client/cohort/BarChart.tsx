/**
 * A horizontal bar chart, one bar per team, in plain SVG. It repeats what the comparison table
 * says, so it is hidden from screen readers (the table is the data).
 */
export function BarChart({ title, rows, max }: { title: string; rows: { key: string; label: string; value: number | null }[]; max?: number }) {
  const top = max ?? Math.max(1, ...rows.map((r) => r.value ?? 0));
  const rowH = 22;
  const labelW = 110;
  const barW = 180;
  const valueW = 36;
  const width = labelW + barW + valueW;
  const height = rows.length * rowH + 4;
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" focusable="false" preserveAspectRatio="xMinYMin meet">
        {rows.map((r, i) => {
          const y = i * rowH + 2;
          const w = r.value == null ? 0 : Math.max(r.value > 0 ? 2 : 0, (r.value / top) * barW);
          const label = r.label.length > 16 ? `${r.label.slice(0, 15)}…` : r.label;
          return (
            <g key={r.key}>
              <text x={labelW - 6} y={y + rowH / 2} textAnchor="end" dominantBaseline="central" className="bar-label">
                {label}
              </text>
              <rect x={labelW} y={y + 3} width={barW} height={rowH - 6} rx={3} className="bar-track" />
              {w > 0 && <rect x={labelW} y={y + 3} width={w} height={rowH - 6} rx={3} className="bar" />}
              <text x={labelW + barW + 6} y={y + rowH / 2} dominantBaseline="central" className="bar-value">
                {r.value == null ? '–' : String(r.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
