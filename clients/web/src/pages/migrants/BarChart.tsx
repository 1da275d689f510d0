import { useId } from 'react';

export interface Bar {
  label: string;
  value: number | null;
  display: string;
  suppressed: boolean;
}

const ROW = 40;
const MAX_LABEL = 40;

/**
 * Horizontal bars as plain SVG: a label and its count on one line, the bar below, so that long names fit
 * a phone. Widths are percentages, so the chart follows the screen without scaling its text. Suppressed
 * counts ("<5") are drawn as a short hatched stub: their size is not shown.
 */
export function BarChart({ bars, title, description }: { bars: Bar[]; title: string; description: string }) {
  const id = useId();
  const hatch = `hatch-${id.replace(/[^\w-]/g, '')}`;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  return (
    <svg
      className="mg-chart"
      width="100%"
      height={bars.length * ROW + 4}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      data-testid="chart"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#e6e9ed" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#6b737d" strokeWidth="2" />
        </pattern>
      </defs>
      {bars.map((b, i) => {
        const label = b.label.length > MAX_LABEL ? `${b.label.slice(0, MAX_LABEL - 1)}…` : b.label;
        const width = b.suppressed || b.value == null ? 3 : Math.max(0.5, (b.value / max) * 100);
        return (
          <g key={i} transform={`translate(0 ${i * ROW})`} data-suppressed={b.suppressed || undefined}>
            <title>{`${b.label}: ${b.display}`}</title>
            <text x="0" y="13" className="mg-chart-label">
              {label}
            </text>
            <text x="100%" y="13" textAnchor="end" className="mg-chart-value">
              {b.display}
            </text>
            <rect
              x="0"
              y="18"
              height="16"
              rx="2"
              width={`${width}%`}
              className={b.suppressed ? undefined : 'mg-bar'}
              fill={b.suppressed ? `url(#${hatch})` : '#b3121f'}
            />
          </g>
        );
      })}
    </svg>
  );
}
