/**
 * The history page's dashboard: edits found per week, the sites whose articles change most, and the share of
 * silent edits. Each chart is an inline SVG described by a real table (aria-describedby), which a reader can
 * also open; silent edits are hatched, not only coloured, and every bar carries its number as text.
 */
import { useMemo } from 'preact/hooks';
import type { ArticleEdits } from '../background/edit-kinds';
import type { StoredArticle } from '../core/history';
import { formatNumber, t, uiLocale } from '../ui/i18n';
import { dashboardOf, type Dashboard as Figures, WEEKS_SHOWN } from './dashboardFigures';

const HATCH = 'redline-dash-hatch';

function weekLabel(start: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    start,
  );
}

function percent(part: number, whole: number): string {
  return new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(
    whole === 0 ? 0 : part / whole,
  );
}

function Hatch() {
  return (
    <defs>
      <pattern id={HATCH} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" class="dash-bar" />
        <line x1="0" y1="0" x2="0" y2="6" class="dash-hatch-line" />
      </pattern>
    </defs>
  );
}

function Weekly({ figures }: { figures: Figures }) {
  const width = 360;
  const height = 130;
  const top = 16;
  const bottom = 20;
  const max = Math.max(1, ...figures.weeks.map((w) => w.edits));
  const step = width / figures.weeks.length;
  const scale = (n: number) => (n / max) * (height - top - bottom);
  const inChart = figures.weeks.reduce((sum, w) => sum + w.edits, 0);
  const silent = figures.weeks.reduce((sum, w) => sum + w.silent, 0);
  const first = figures.weeks[0];
  const last = figures.weeks.at(-1);
  return (
    <figure class="dash-figure" data-testid="dash-weekly">
      <figcaption id="dash-weekly-title">{t('dash_weekly')}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="dash-weekly-title dash-weekly-summary"
        aria-describedby="dash-weekly-table"
      >
        <title>{t('dash_weekly')}</title>
        {figures.weeks.map((week, i) => {
          const x = i * step + 3;
          const all = scale(week.edits);
          const quiet = scale(week.silent);
          const base = height - bottom;
          return (
            <g key={week.start}>
              <rect x={x} y={base - all} width={step - 6} height={all} class="dash-bar" />
              <rect x={x} y={base - quiet} width={step - 6} height={quiet} fill={`url(#${HATCH})`} />
              {week.edits > 0 ? (
                <text x={x + (step - 6) / 2} y={base - all - 3} class="dash-value" text-anchor="middle">
                  {formatNumber(week.edits)}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1="0" x2={width} y1={height - bottom} y2={height - bottom} class="dash-axis" />
        {first ? (
          <text x="2" y={height - 5} class="dash-label">
            {weekLabel(first.start)}
          </text>
        ) : null}
        {last ? (
          <text x={width - 2} y={height - 5} class="dash-label" text-anchor="end">
            {weekLabel(last.start)}
          </text>
        ) : null}
      </svg>
      <p class="muted dash-summary" id="dash-weekly-summary">
        {t('dash_weeklySummary', inChart, WEEKS_SHOWN, silent)} {t('dash_legendSilent')}
      </p>
      <details>
        <summary>{t('dash_table')}</summary>
        <table id="dash-weekly-table" data-testid="dash-weekly-table">
          <thead>
            <tr>
              <th scope="col">{t('dash_week')}</th>
              <th scope="col">{t('dash_edits')}</th>
              <th scope="col">{t('dash_silentColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.weeks.map((week) => (
              <tr key={week.start}>
                <th scope="row">{weekLabel(week.start)}</th>
                <td>{formatNumber(week.edits)}</td>
                <td>{formatNumber(week.silent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function Sites({ figures }: { figures: Figures }) {
  const width = 360;
  const row = 24;
  const labelWidth = 150;
  const max = Math.max(1, ...figures.sites.map((s) => s.edits));
  const height = Math.max(1, figures.sites.length) * row;
  return (
    <figure class="dash-figure" data-testid="dash-sites">
      <figcaption id="dash-sites-title">{t('dash_sites')}</figcaption>
      {figures.sites.length === 0 ? (
        <p class="muted">{t('dash_noEdits')}</p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby="dash-sites-title"
            aria-describedby="dash-sites-table"
          >
            <title>{t('dash_sites')}</title>
            {figures.sites.map((site, i) => {
              const length = (site.edits / max) * (width - labelWidth - 40);
              return (
                <g key={site.site}>
                  <text x={labelWidth - 6} y={i * row + 16} class="dash-label" text-anchor="end">
                    {site.site.length > 22 ? `${site.site.slice(0, 21)}…` : site.site}
                  </text>
                  <rect x={labelWidth} y={i * row + 4} width={length} height={row - 8} class="dash-bar" />
                  <text x={labelWidth + length + 4} y={i * row + 16} class="dash-value">
                    {formatNumber(site.edits)}
                  </text>
                </g>
              );
            })}
          </svg>
          <details>
            <summary>{t('dash_table')}</summary>
            <table id="dash-sites-table" data-testid="dash-sites-table">
              <thead>
                <tr>
                  <th scope="col">{t('dash_site')}</th>
                  <th scope="col">{t('dash_edits')}</th>
                  <th scope="col">{t('dash_articles')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.sites.map((site) => (
                  <tr key={site.site}>
                    <th scope="row">{site.site}</th>
                    <td>{formatNumber(site.edits)}</td>
                    <td>{formatNumber(site.articles)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}

function SilentShare({ figures }: { figures: Figures }) {
  const width = 360;
  const { silentEdits, totalEdits } = figures;
  const silentWidth = totalEdits === 0 ? 0 : (silentEdits / totalEdits) * width;
  return (
    <figure class="dash-figure" data-testid="dash-share">
      <figcaption id="dash-share-title">{t('dash_share')}</figcaption>
      <p class="dash-big" data-testid="dash-share-percent">
        {percent(silentEdits, totalEdits)}
      </p>
      <svg
        viewBox={`0 0 ${width} 24`}
        role="img"
        aria-labelledby="dash-share-title dash-share-summary"
        aria-describedby="dash-share-table"
      >
        <title>{t('dash_share')}</title>
        <rect x="0" y="2" width={width} height="20" class="dash-track" />
        <rect x="0" y="2" width={silentWidth} height="20" fill={`url(#${HATCH})`} />
      </svg>
      <p class="muted dash-summary" id="dash-share-summary">
        {t('dash_shareSummary', silentEdits, totalEdits, percent(silentEdits, totalEdits))}
      </p>
      <details>
        <summary>{t('dash_table')}</summary>
        <table id="dash-share-table" data-testid="dash-share-table">
          <thead>
            <tr>
              <th scope="col">{t('dash_kind')}</th>
              <th scope="col">{t('dash_edits')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('dash_silentColumn')}</th>
              <td>{formatNumber(silentEdits)}</td>
            </tr>
            <tr>
              <th scope="row">{t('dash_withNotice')}</th>
              <td>{formatNumber(totalEdits - silentEdits)}</td>
            </tr>
            <tr>
              <th scope="row">{t('dash_allEdits')}</th>
              <td>{formatNumber(totalEdits)}</td>
            </tr>
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function Dashboard({
  articles,
  edits,
  error,
  now = Date.now(),
}: {
  articles: StoredArticle[];
  /** null while the background is still looking (the same answer the "Silent edits" filter uses). */
  edits: Record<string, ArticleEdits> | null;
  error: string | null;
  now?: number;
}) {
  const figures = useMemo(() => (edits ? dashboardOf(articles, edits, now) : null), [articles, edits, now]);
  if (articles.length === 0) return null;
  return (
    <section class="dashboard" aria-labelledby="dash-title" data-testid="dashboard">
      <h2 id="dash-title">{t('dash_title')}</h2>
      {/* One pattern for both charts: ids are page-wide. */}
      <svg width="0" height="0" class="dash-defs" aria-hidden="true">
        <Hatch />
      </svg>
      {figures ? (
        <div class="dash-grid">
          <Weekly figures={figures} />
          <Sites figures={figures} />
          <SilentShare figures={figures} />
        </div>
      ) : (
        <p class="muted" role="status">
          {error ?? t('edits_looking')}
        </p>
      )}
    </section>
  );
}
