// The tenant's daily metrics (GET /api/metrics/daily: the dbt marts daily_tenant_metrics
// and daily_chat_metrics), drawn with Chart.js over the last 7, 30 or 90 days. Each chart
// has a heading, a text label on its canvas, and its numbers as tables: the latest day's
// values, and every day's under "Every day".
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartDataset,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from "chart.js";
import { useEffect, useMemo, useRef, useState } from "react";

import {
  type DailyChatMetrics,
  type DailyMetrics,
  type DailyRecordingMetrics,
  api,
  errorText,
} from "../api/client";
import { type Messages, useLanguage, useT } from "../i18n";
import { navigate } from "../router";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
);

const PERIODS = [7, 30, 90] as const;
type Period = (typeof PERIODS)[number];
const DEFAULT_PERIOD: Period = 30;
// The seed's target for processing time per hour of audio.
const TARGET_S_PER_AUDIO_HOUR = 1500;
// Readable on white (contrast of at least 3:1 for the lines, 4.5:1 for the legend's text).
const COLOURS = ["#0b5cad", "#b3261e", "#1e7a3c", "#5b3ea8", "#965500", "#0f7b86"];

type Format = (value: number) => string;
type SeriesKey = keyof Messages["metrics"]["series"];

/** One measure of a chart: drawn (as bars or a line) and listed in its tables. */
interface Measure<Row> {
  key: SeriesKey;
  value: (row: Row) => number | null | undefined;
  format: Format;
  draw?: "bar" | "line";
}

interface ChartSpec<Row extends { metric_date: string }> {
  id: keyof Messages["metrics"]["charts"];
  rows: Row[];
  measures: Measure<Row>[];
  format: Format;
  stacked?: boolean;
  /** Counts: whole numbers on the axis. */
  integer?: boolean;
  range?: { min: number; max: number };
  target?: number;
}

function formats(locale: string) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const rating = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 2,
    signDisplay: "exceptZero",
  });
  return {
    count: (v: number) => integer.format(v),
    share: (v: number) => share.format(v),
    hours: (v: number) => `${hours.format(v)} h`,
    seconds: (v: number) => `${integer.format(v)} s`,
    rating: (v: number) => rating.format(v),
  };
}

/** Every UTC day of the period, oldest first (with any day the data has besides). */
function periodDays(period: Period, data: DailyMetrics): string[] {
  const days = new Set<string>();
  const today = Date.UTC(
    new Date().getUTCFullYear(),
    new Date().getUTCMonth(),
    new Date().getUTCDate(),
  );
  for (let i = period; i >= 0; i--) {
    days.add(new Date(today - i * 86_400_000).toISOString().slice(0, 10));
  }
  for (const row of [...data.recordings, ...data.chat]) days.add(row.metric_date);
  return [...days].sort();
}

function dayFormat(locale: string, style: "short" | "long"): (iso: string) => string {
  const format = new Intl.DateTimeFormat(
    locale,
    style === "short"
      ? { day: "numeric", month: "short", timeZone: "UTC" }
      : { dateStyle: "medium", timeZone: "UTC" },
  );
  return (iso) => format.format(new Date(`${iso}T00:00:00Z`));
}

function shown(value: number | null | undefined, format: Format): string {
  return value == null || !Number.isFinite(value) ? "–" : format(value);
}

export default function Metrics({ days }: { days: number | null }) {
  const period: Period = PERIODS.find((p) => p === days) ?? DEFAULT_PERIOD;
  const [data, setData] = useState<DailyMetrics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const m = t.metrics;

  useEffect(() => {
    let current = true;
    setError(null);
    void api
      .GET("/api/metrics/daily", { params: { query: { days: period } } })
      .then(({ data: body, error: failed, response }) => {
        if (!current) return;
        if (body) setData(body);
        else setError(errorText(failed, response.status));
      })
      .catch((err: unknown) => {
        if (current) setError(errorText(err));
      });
    return () => {
      current = false;
    };
  }, [period]);

  const f = formats(t.language.locale);
  const recordings: ChartSpec<DailyRecordingMetrics>[] = data
    ? [
        {
          id: "recordings",
          rows: data.recordings,
          format: f.count,
          stacked: true,
          integer: true,
          measures: [
            {
              key: "completed",
              value: (r) => r.recordings_finished - r.recordings_failed,
              format: f.count,
              draw: "bar",
            },
            { key: "failed", value: (r) => r.recordings_failed, format: f.count, draw: "bar" },
            { key: "error_rate", value: (r) => r.error_rate, format: f.share },
            {
              key: "recordings_with_llm_fallback",
              value: (r) => r.recordings_with_llm_fallback,
              format: f.count,
            },
          ],
        },
        {
          id: "audio",
          rows: data.recordings,
          format: f.hours,
          measures: [
            { key: "audio_hours", value: (r) => r.audio_hours, format: f.hours, draw: "bar" },
          ],
        },
        {
          id: "naming",
          rows: data.recordings,
          format: f.share,
          range: { min: 0, max: 1 },
          measures: (
            [
              "voiceprint_match_rate",
              "rag_enrichment_rate",
              "named_rate",
              "mean_pooling_accuracy",
              "auto_naming_accuracy",
            ] as const
          ).map((key) => ({ key, value: (r) => r[key], format: f.share, draw: "line" })),
        },
        {
          id: "speed",
          rows: data.recordings,
          format: f.seconds,
          target: TARGET_S_PER_AUDIO_HOUR,
          measures: (["processing_s_per_audio_hour", "rag_overhead_s_per_audio_hour"] as const).map(
            (key) => ({ key, value: (r) => r[key], format: f.seconds, draw: "line" }),
          ),
        },
      ]
    : [];
  const chat: ChartSpec<DailyChatMetrics> | null = data
    ? {
        id: "chat",
        rows: data.chat,
        format: f.rating,
        range: { min: -1, max: 1 },
        measures: [
          { key: "answers", value: (r) => r.answers, format: f.count },
          { key: "found_rate", value: (r) => r.found_rate, format: f.share, draw: "line" },
          {
            key: "mean_reliability",
            value: (r) => r.mean_reliability,
            format: f.share,
            draw: "line",
          },
          { key: "mean_rating", value: (r) => r.mean_rating, format: f.rating, draw: "line" },
        ],
      }
    : null;
  const labels = useMemo(() => (data ? periodDays(period, data) : []), [period, data]);

  return (
    <section className="metrics">
      <h1>{m.title}</h1>
      <p className="hint">{m.hint}</p>
      <fieldset className="toggle period">
        <legend>{m.period}</legend>
        {PERIODS.map((p) => (
          <label key={p}>
            <input
              type="radio"
              name="period"
              value={p}
              checked={period === p}
              onChange={() => navigate(`/metrics?days=${p}`, true)}
            />{" "}
            {m.days(p)}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!data ? (
        !error && <p className="loading">{t.app.loading}</p>
      ) : data.recordings.length === 0 && data.chat.length === 0 ? (
        <div className="empty-state" role="status">
          <h2>{m.empty}</h2>
          <p>{m.emptyHint(period)}</p>
        </div>
      ) : (
        <div className="metrics-grid">
          {data.recordings.length === 0 ? (
            <p className="hint">{m.noRecordings}</p>
          ) : (
            recordings.map((spec) => (
              <MetricChart key={spec.id} spec={spec} labels={labels} />
            ))
          )}
          {chat && chat.rows.length > 0 ? (
            <MetricChart spec={chat} labels={labels} />
          ) : (
            <p className="hint">{m.noChat}</p>
          )}
        </div>
      )}
    </section>
  );
}

function MetricChart<Row extends { metric_date: string }>({
  spec,
  labels,
}: {
  spec: ChartSpec<Row>;
  labels: string[];
}) {
  const t = useT().metrics;
  const language = useLanguage();
  const locale = useT().language.locale;
  const title = t.charts[spec.id];
  const headingId = `chart-${spec.id}`;
  const latest = spec.rows[spec.rows.length - 1];
  const longDay = dayFormat(locale, "long");

  const config = useMemo(() => {
    const byDay = new Map(spec.rows.map((row) => [row.metric_date, row]));
    const datasets: ChartDataset<"bar" | "line", (number | null)[]>[] = spec.measures
      .filter((measure) => measure.draw)
      .map((measure, i) => {
        const colour = COLOURS[i % COLOURS.length] ?? "#333";
        const values = labels.map((day) => {
          const row = byDay.get(day);
          const value = row ? measure.value(row) : null;
          return value == null || !Number.isFinite(value) ? null : value;
        });
        return measure.draw === "bar"
          ? {
              type: "bar" as const,
              label: t.series[measure.key],
              data: values,
              backgroundColor: colour,
            }
          : {
              type: "line" as const,
              label: t.series[measure.key],
              data: values,
              borderColor: colour,
              backgroundColor: colour,
              spanGaps: true,
              pointRadius: 3,
            };
      });
    if (spec.target !== undefined) {
      datasets.push({
        type: "line",
        label: t.target,
        data: labels.map(() => spec.target ?? null),
        borderColor: "#5f6670",
        borderDash: [6, 4],
        pointRadius: 0,
      });
    }
    const format = spec.format;
    const short = dayFormat(locale, "short");
    const config: ChartConfiguration<"bar" | "line", (number | null)[], string> = {
      type: "bar",
      data: { labels: labels.map(short), datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { position: "bottom" },
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label ?? ""}: ${shown(item.parsed.y, format)}`,
            },
          },
        },
        scales: {
          x: { stacked: spec.stacked, ticks: { autoSkip: true, maxRotation: 0 } },
          y: {
            stacked: spec.stacked,
            beginAtZero: true,
            min: spec.range?.min,
            max: spec.range?.max,
            ticks: {
              callback: (value) => format(Number(value)),
              precision: spec.integer ? 0 : undefined,
            },
          },
        },
      },
    };
    return config;
    // Drawn again for new data, another period or another language (the labels and the
    // numbers' format); the measures are the same for a chart.
  }, [spec.rows, labels, language]);

  return (
    <article className="metric" aria-labelledby={headingId} data-chart={spec.id}>
      <h2 id={headingId}>{title}</h2>
      <ChartCanvas config={config} label={t.chartLabel(title)} />
      {latest && (
        <table className="latest">
          <caption>{t.latest(longDay(latest.metric_date))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.measure}</th>
              <th scope="col">{t.value}</th>
            </tr>
          </thead>
          <tbody>
            {spec.measures.map((measure) => (
              <tr key={measure.key} data-measure={measure.key}>
                <th scope="row">{t.series[measure.key]}</th>
                <td>{shown(measure.value(latest), measure.format)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details>
        <summary>{t.everyDay}</summary>
        <div
          className="table-scroll"
          role="region"
          aria-label={`${title}: ${t.everyDay}`}
          tabIndex={0}
        >
          <table className="every-day">
            <thead>
              <tr>
                <th scope="col">{t.date}</th>
                {spec.measures.map((measure) => (
                  <th scope="col" key={measure.key}>
                    {t.series[measure.key]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {spec.rows.map((row) => (
                <tr key={row.metric_date}>
                  <th scope="row">{longDay(row.metric_date)}</th>
                  {spec.measures.map((measure) => (
                    <td key={measure.key}>{shown(measure.value(row), measure.format)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </article>
  );
}

/** A Chart.js chart on a canvas, made again whenever its configuration changes. */
function ChartCanvas({
  config,
  label,
}: {
  config: ChartConfiguration<"bar" | "line", (number | null)[], string>;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
