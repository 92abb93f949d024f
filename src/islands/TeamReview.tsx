/**
 * Team review island: import many assessment files and share links, see the team as a heatmap,
 * radar, coverage and growth over time, calibrate self vs manager ratings and export the summary.
 * Everything stays in this browser (localStorage 'banso:team'); "Forget this team" removes it.
 * State and rendering only: every rule lives in src/lib/team.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { collator } from '../i18n/locales.ts';
import { translator, type Dict } from '../i18n/translator.ts';
import type { ClientData } from '../lib/assessment/skill-island-props.ts';
import type { ReportItem, TeamEntry } from '../lib/team/import-batch.ts';
import type { JobSource } from '../lib/file-jobs.ts';
import { buildTeam, type RatingSource } from '../lib/team/members.ts';
import { elementStats, filterByRole, heatmap, sortHeatRows, type HeatColumn } from '../lib/team/aggregate.ts';
import { coverage as computeCoverage } from '../lib/team/coverage.ts';
import { nextSort, type SortState } from '../lib/table-sort.ts';
import { TEAM_STORAGE_KEY } from '../lib/team/storage.ts';
import { problemTexts } from '../lib/assessment/problem-text.ts';
import { downloadText, todayIso } from './browser.ts';
import { KeptList, Notices, useKeptStorage, useNotices } from './notices.tsx';
import { ImportPanel } from './team/ImportPanel.tsx';
import { ImportReport } from './team/ImportReport.tsx';
import { Heatmap, HeatLegend } from './team/Heatmap.tsx';
import { Overlay, TeamRadar } from './team/TeamRadars.tsx';
import { CoverageView } from './team/CoverageView.tsx';
import { GrowthView } from './team/GrowthView.tsx';
import { CalibrationView } from './team/CalibrationView.tsx';
import { displayName, kindName, roleNamer } from './team/shared.ts';
import type { AssessmentKind } from '../schemas/assessment.ts';

// Files, links and the stored team are read and validated in a Web Worker (file-jobs.ts), loaded on first use.
const fileJobs = () => import('./file-jobs.ts');

export default function TeamReview({ data, dict }: { data: ClientData; dict: Dict }) {
  const t = useMemo(() => translator(dict), [dict]);
  // The collator is made on the first comparison: making one loads the ICU collation data (a long
  // task on a phone), and a first visit has no members to sort.
  const compare = useMemo(() => {
    let c: Intl.Collator | undefined;
    return (x: string, y: string) => (c ??= collator(data.lang)).compare(x, y);
  }, [data.lang]);
  const roleName = useMemo(() => roleNamer(data), [data]);
  const frameworkName = useCallback((id: string) => data.frameworks.find((f) => f.id === id)?.name ?? id, [data]);
  const problemContext = useCallback(
    (id: string | undefined) => {
      const f = data.frameworks.find((x) => x.id === id);
      return f
        ? { elementName: (el: string) => f.elements.find((e) => e.id === el)?.name, maxLevel: f.levels.length }
        : {};
    },
    [data],
  );

  const [entries, setEntries] = useState<TeamEntry[]>([]);
  const [ready, setReady] = useState(false);
  const [report, setReport] = useState<{ items: ReportItem[]; skipped: number } | null>(null);
  const { notices, notify, dismiss, setNotices } = useNotices();
  const { store, kept, refresh: refreshKept, discard } = useKeptStorage(TEAM_STORAGE_KEY);
  const [groupPick, setGroupPick] = useState('');
  const [source, setSource] = useState<RatingSource>('preferred');
  const [roleFilter, setRoleFilter] = useState('');
  const [sort, setSort] = useState<SortState<HeatColumn>>({ key: 'name', dir: 'asc' });
  const [overlay, setOverlay] = useState<string[]>([]);
  const [confirmForget, setConfirmForget] = useState(false);
  const ids = { source: useId(), role: useId() };

  // The team as last saved or imported, and the work in order: the stored team is read first, then each
  // import in turn starts from the team the one before it left (an import never saves over what it has not read).
  const team = useRef<TeamEntry[]>([]);
  const work = useRef<Promise<boolean>>(Promise.resolve(true));
  const codeFailed = () => notify({ kind: 'error', text: t('assess.codeFailed') });

  // Load the team kept in this browser; a stored team that cannot be read is set aside (Download /
  // Discard), never overwritten by the next import.
  useEffect(() => {
    const entry = store.raw(TEAM_STORAGE_KEY);
    if (entry.status === 'empty') {
      if (entry.unavailable) notify({ kind: 'warn', text: t('team.storage.unavailable') });
      refreshKept();
      setReady(true);
      return;
    }
    work.current = fileJobs()
      .then(async ({ runJob, nextTask }) => {
        await nextTask('banso:read-saved');
        const r = await runJob({ type: 'team-stored', raw: entry.raw });
        if (r.ok) {
          team.current = r.value.entries;
          setEntries(r.value.entries);
        } else {
          const { locked } = store.setAside(TEAM_STORAGE_KEY, entry.raw);
          notify({
            kind: 'error',
            text: t(locked ? 'safe.store.locked' : 'safe.store.unreadable'),
            details: problemTexts(r.problems.slice(0, 8), t),
          });
        }
        refreshKept();
        setReady(true);
        return true;
      })
      .catch(() => {
        codeFailed();
        return false;
      });
  }, []);

  const importSources = async (sources: JobSource[], skipped: number) => {
    const { runJob, jobFrameworks, nextTask } = await fileJobs();
    const r = await runJob({
      type: 'team-import',
      existing: team.current,
      sources,
      frameworks: jobFrameworks(data.frameworks),
      now: new Date().toISOString(),
    });
    setReport({ items: r.report, skipped });
    if (!r.added || r.stored === null) return;
    team.current = [...team.current, ...r.newEntries];
    setEntries(team.current);
    // Saving (megabytes for a large team) gets a task of its own, apart from reading the answer and rendering.
    await nextTask('banso:save-team');
    const saved = store.write(TEAM_STORAGE_KEY, r.stored);
    if (!saved.ok)
      notify({
        kind: 'error',
        text:
          saved.reason === 'quota'
            ? t('team.storage.full')
            : saved.reason === 'locked'
              ? t('safe.store.locked')
              : t('team.storage.unavailable'),
      });
  };
  const onSources = (sources: JobSource[], skipped = 0) => {
    if (!sources.length) {
      setReport({ items: [], skipped });
      return;
    }
    // Only once the stored team is read (a failed read leaves the page unable to import: nothing is saved over it).
    work.current = work.current.then((ok) =>
      ok
        ? importSources(sources, skipped).then(
            () => true,
            () => {
              codeFailed();
              return true;
            },
          )
        : (() => {
            codeFailed();
            return false;
          })(),
    );
  };

  const forget = () => {
    store.remove(TEAM_STORAGE_KEY);
    team.current = [];
    setEntries([]);
    setReport(null);
    setOverlay([]);
    setGroupPick('');
    setRoleFilter('');
    setConfirmForget(false);
    setNotices([{ kind: 'info', text: t('team.forget.done') }]);
  };

  const groups = useMemo(() => buildTeam(entries, data.frameworks), [entries, data.frameworks]);
  const group = groups.find((g) => g.key === groupPick) ?? groups[0];
  const fw = group ? data.frameworks.find((f) => f.id === group.frameworkId) : undefined;
  const members = useMemo(
    () => (group ? [...group.members].sort((a, b) => compare(displayName(a, t), displayName(b, t))) : []),
    [group, compare, t],
  );
  const rowsAll = useMemo(
    () => (group && fw ? heatmap(members, fw, data.roles, source) : []),
    [members, fw, data.roles, source, group],
  );
  const rowsFiltered = useMemo(() => filterByRole(rowsAll, roleFilter), [rowsAll, roleFilter]);
  const rows = useMemo(() => sortHeatRows(rowsFiltered, sort, compare), [rowsFiltered, sort, compare]);
  // Statistics, coverage and the overlay list do not depend on the sort order: re-sorting leaves them alone.
  const stats = useMemo(() => (fw ? elementStats(rowsFiltered, fw.elements) : []), [rowsFiltered, fw]);
  const cov = useMemo(() => (fw ? computeCoverage(rowsFiltered, fw) : null), [rowsFiltered, fw]);
  const byName = useMemo(
    () => sortHeatRows(rowsFiltered, { key: 'name', dir: 'asc' }, compare),
    [rowsFiltered, compare],
  );
  const rolesPresent = useMemo(
    () => data.roles.filter((r) => rowsAll.some((x) => x.role === r.id)),
    [data.roles, rowsAll],
  );
  const currentFw = group ? data.frameworks.find((f) => f.id === group.frameworkId) : undefined;
  // Kept files whose framework this portal no longer has: never dropped silently, never shown mixed in.
  const hidden = useMemo(
    () => entries.filter((e) => !data.frameworks.some((f) => f.id === e.assessment.framework.id)).length,
    [entries, data.frameworks],
  );

  // Names start A→Z; gaps and levels start with the largest.
  const onSort = useCallback(
    (key: HeatColumn) => setSort((s) => nextSort(s, key, (k) => (k === 'name' ? 'asc' : 'desc'))),
    [],
  );

  const exportSummary = async (format: 'csv' | 'md') => {
    if (!fw || !cov) return;
    const { teamCsv, teamMarkdown } = await import('../lib/team/export.ts');
    const input = {
      frameworkName: fw.name,
      frameworkVersion: group!.version,
      date: todayIso(),
      elements: fw.elements.map((e) => ({ id: e.id, name: e.name })),
      rows,
      memberName: (r: (typeof rows)[number]) => displayName(r, t),
      roleName,
      kindName: (k: AssessmentKind) => kindName(k, t),
      stats,
      coverage: cov,
      labels: {
        title: t('team.md.title'),
        date: t('plan.md.date'),
        framework: t('plan.md.framework'),
        members: t('team.md.members'),
        name: t('team.heat.member'),
        kind: t('team.md.kind'),
        role: t('assess.currentRole'),
        targetRole: t('plan.targetRole'),
        updated: t('team.md.updated'),
        gaps: t('team.heat.gaps'),
        element: t('common.elements'),
        median: t('team.radar.median'),
        min: t('team.radar.min'),
        max: t('team.radar.max'),
        rated: t('team.md.rated'),
        stats: t('team.md.stats'),
        coverage: t('team.coverage.title'),
        organisationGaps:
          cov.organisationLevel !== null
            ? t('team.coverage.orgGaps', { level: cov.organisationLevel })
            : t('team.coverage.noOrgLevel'),
        singleCovered: t('team.coverage.single', { level: cov.coveredLevel }),
        uncovered: t('team.coverage.uncovered', { level: cov.coveredLevel }),
        none: t('common.none'),
        gapMarker: t('team.md.gapMarker'),
      },
    };
    const base = `banso-team-${fw.id}-${todayIso()}`;
    if (format === 'csv') downloadText(`${base}.csv`, teamCsv(input), 'text/csv');
    else downloadText(`${base}.md`, teamMarkdown(input), 'text/markdown');
  };

  return (
    <div className="team-review" data-ready={ready ? 'true' : 'false'} data-testid="team-review">
      <Notices notices={notices} onDismiss={dismiss} t={t}>
        <KeptList kept={kept} onDiscard={discard} t={t} />
      </Notices>

      <section className="section-box" aria-labelledby="team-import-title">
        <h2 id="team-import-title">{t('team.import.title')}</h2>
        <p>{t('team.import.help')}</p>
        <ImportPanel t={t} onSources={onSources} />
        <p className="privacy-note">
          <span className="sym sym-lock" aria-hidden="true" />
          {t('team.privacy')}
        </p>
      </section>

      {hidden > 0 && (
        <p className="notice-box warn" role="note" data-testid="hidden-files">
          {t('team.storage.hidden', { n: hidden })}
        </p>
      )}

      {report && (
        <ImportReport
          report={report.items}
          skipped={report.skipped}
          t={t}
          frameworkName={frameworkName}
          problemContext={problemContext}
        />
      )}

      {!group || !fw ? (
        <p className="empty-team" data-testid="team-empty">
          {t('team.empty')}
        </p>
      ) : (
        <>
          <section className="section-box" aria-labelledby="team-view-title">
            <h2 id="team-view-title">{t('team.view.title')}</h2>
            {groups.length > 1 && (
              <fieldset className="group-pick">
                <legend>{t('team.group.pick')}</legend>
                <p className="notice-box warn" role="note">
                  {t('team.group.separate', { n: groups.length })}
                </p>
                {groups.map((g) => (
                  <label key={g.key} className="group-option">
                    <input
                      type="radio"
                      name="team-group"
                      value={g.key}
                      checked={g.key === group.key}
                      onChange={() => {
                        setGroupPick(g.key);
                        setOverlay([]);
                        setRoleFilter('');
                      }}
                    />{' '}
                    {frameworkName(g.frameworkId)} {g.version} —{' '}
                    {t('team.group.count', { members: g.members.length, files: g.files })}
                    {g.status === 'other-version' && (
                      <span className="badge badge-warn">
                        <span className="sym sym-warn" aria-hidden="true" />
                        {t('team.group.otherVersionBadge')}
                      </span>
                    )}
                  </label>
                ))}
              </fieldset>
            )}
            {group.status === 'other-version' && currentFw && (
              <p className="notice-box warn" role="note" data-testid="other-version-warning">
                {group.version === currentFw.version
                  ? t('safe.other.structure', { framework: currentFw.name, version: group.version })
                  : t('safe.other.version', { framework: currentFw.name, old: group.version, now: currentFw.version })}
              </p>
            )}
            <div className="form-grid">
              <label htmlFor={ids.source}>
                {t('team.view.source')}
                <select
                  id={ids.source}
                  value={source}
                  onChange={(e) => setSource(e.target.value as RatingSource)}
                  data-testid="rating-source"
                >
                  <option value="preferred">{t('team.view.source.preferred')}</option>
                  <option value="agreed">{t('team.view.source.agreed')}</option>
                  <option value="manager">{t('team.view.source.manager')}</option>
                  <option value="self">{t('team.view.source.self')}</option>
                </select>
              </label>
              <label htmlFor={ids.role}>
                {t('team.view.role')}
                <select
                  id={ids.role}
                  value={roleFilter}
                  onChange={(e) => setRoleFilter(e.target.value)}
                  data-testid="role-filter"
                >
                  <option value="">{t('team.view.allRoles')}</option>
                  {rolesPresent.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p role="status" data-testid="showing">
              {t('team.view.showing', { n: rows.length, total: rowsAll.length, people: group.members.length })}
            </p>
            <p data-testid="shows-kinds">
              {t('team.view.shows', {
                agreed: rows.filter((r) => r.kind === 'agreed').length,
                manager: rows.filter((r) => r.kind === 'manager').length,
                self: rows.filter((r) => r.kind === 'self').length,
              })}
            </p>
          </section>

          <section aria-labelledby="team-heat-title">
            <h2 id="team-heat-title">{t('team.heat.title')}</h2>
            <p className="muted">{t('team.heat.help')}</p>
            <HeatLegend max={fw.levels.length} t={t} />
            <Heatmap rows={rows} fw={fw} sort={sort} onSort={onSort} roleName={roleName} t={t} />
            <div className="actions">
              <button type="button" onClick={() => void exportSummary('csv')} data-testid="export-csv">
                {t('team.export.csv')}
              </button>
              <button type="button" onClick={() => void exportSummary('md')} data-testid="export-md">
                {t('team.export.md')}
              </button>
            </div>
          </section>

          <section className="section-box" aria-labelledby="team-radar-title" data-testid="team-radar">
            <h2 id="team-radar-title">{t('team.radar.heading')}</h2>
            <TeamRadar fw={fw} stats={stats} rows={rowsFiltered} t={t} />
          </section>

          <section className="section-box" aria-labelledby="team-overlay-title" data-testid="overlay">
            <h2 id="team-overlay-title">{t('team.overlay.heading')}</h2>
            <Overlay fw={fw} rows={byName} chosen={overlay} onChange={setOverlay} t={t} />
          </section>

          {cov && (
            <section className="section-box" aria-labelledby="team-coverage-title" data-testid="coverage">
              <h2 id="team-coverage-title">{t('team.coverage.title')}</h2>
              <CoverageView fw={fw} cov={cov} rows={rowsFiltered} t={t} />
            </section>
          )}

          <section className="section-box" aria-labelledby="team-growth-title">
            <h2 id="team-growth-title">{t('team.growth.title')}</h2>
            <GrowthView key={group.key} fw={fw} members={members} t={t} />
          </section>

          <section className="section-box" aria-labelledby="team-cal-title">
            <h2 id="team-cal-title">{t('team.cal.title')}</h2>
            <p className="muted">{t('team.cal.help')}</p>
            <CalibrationView key={group.key} fw={fw} members={members} t={t} />
          </section>
        </>
      )}

      {entries.length > 0 && (
        <section className="section-box danger-zone" aria-labelledby="team-forget-title">
          <h2 id="team-forget-title">{t('team.forget.title')}</h2>
          <p>{t('team.forget.help')}</p>
          <div className="actions">
            {confirmForget ? (
              <>
                <button type="button" className="danger" onClick={forget} data-testid="forget-confirm" autoFocus>
                  {t('team.forget.confirm')}
                </button>
                <button type="button" onClick={() => setConfirmForget(false)}>
                  {t('assess.cancel')}
                </button>
              </>
            ) : (
              <button type="button" className="danger" onClick={() => setConfirmForget(true)} data-testid="forget">
                {t('team.forget.button')}
              </button>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
