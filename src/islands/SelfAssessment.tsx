/**
 * Self-assessment island: rate each element, see the radar against a target role and a previous
 * snapshot, keep it in the browser, export/import/share it, and build a growth plan.
 * State and rendering only: every rule lives in src/lib/assessment.
 */
import { EvidenceField, LevelDescriptor, LevelDescriptors, LevelRadios } from './RatingParts.tsx';
import { lazy, startTransition, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { Locale } from '../i18n/locales.ts';
import { translator, type Dict, type Translate } from '../i18n/translator.ts';
import type { ClientData, ClientFramework } from '../lib/assessment/skill-island-props.ts';
import type { Assessment } from '../schemas/assessment.ts';
import type { FileJob, FileJobAnswer } from '../lib/file-jobs.ts';
import { MAX_FILE_BYTES } from '../schemas/assessment-constants.ts';
import { exportFileName, serialiseAssessment } from '../lib/assessment/file-output.ts';
import { reconcile } from '../lib/assessment/migrate.ts';
import { readiness as computeReadiness } from '../lib/assessment/readiness.ts';
import { addSnapshot, assessmentStorageKey, emptyAssessment, save } from '../lib/assessment/storage.ts';
import { ratingsOf, summariseRatings } from '../lib/assessment/summary.ts';
import { LevelBars, usePrefs, ViewSwitch, type RadarSeries } from './RadarChart.tsx';
import { FrameworkRadar } from './FrameworkRadar.tsx';
import { JsonFileButton } from './JsonFileButton.tsx';
import type { ChartView } from '../lib/prefs.ts';
import { downloadText, todayIso } from './browser.ts';
import { KeptList, Notices, useKeptStorage, useNotices } from './notices.tsx';

// The growth plan loads when a target role is chosen (keeps the page's first load small).
const GrowthPlan = lazy(() => import('./GrowthPlan.tsx'));
// Files, links and saved data are read and validated in a Web Worker (file-jobs.ts), loaded only when
// there is something to read: a saved assessment, a link or an imported file. A first visit never needs it.
const fileJobs = () => import('./file-jobs.ts');

/** Snapshots by ISO date, newest first (plain comparison: no collator is needed for digits). */
const newestFirst = (x: { date: string }, y: { date: string }): number =>
  y.date < x.date ? -1 : y.date > x.date ? 1 : 0;

export default function SelfAssessment({ data, dict }: { data: ClientData; dict: Dict }) {
  const lang: Locale = data.lang;
  const t = useMemo(() => translator(dict), [dict]);
  void lang;
  const [fwId, setFwId] = useState(data.frameworks[0].id);
  const fw = data.frameworks.find((f) => f.id === fwId) ?? data.frameworks[0];
  const [a, setA] = useState<Assessment>(() => emptyAssessment(fw, { name: '' }, 'self'));
  const [loaded, setLoaded] = useState(false);
  // View choices (show the target role, radar or bars) are remembered; read after hydration.
  const { prefs, setPref, narrow } = usePrefs();
  const reveal = !!prefs.reveal;
  const view: ChartView = prefs.view ?? (narrow ? 'bars' : 'radar');
  const [confirmSnap, setConfirmSnap] = useState(false);
  // Name and roles carried over when the person switches framework (a framework with nothing saved starts with them).
  const carry = useRef<Assessment['person'] | null>(null);
  const { notices, notify, dismiss, setNotices } = useNotices();
  const { store, kept, refresh: refreshKept, discard } = useKeptStorage('banso:assessment:');
  // A share link, validated against the framework it names, waiting for "Load it".
  const [shared, setShared] = useState<Assessment | null>(null);
  const [compareDate, setCompareDate] = useState<string>('');
  const [confirmReset, setConfirmReset] = useState(false);
  // An imported file or shared link for another framework: used instead of that framework's saved copy.
  const incoming = useRef<Assessment | null>(null);

  // Problems in sentences, with the element names of the framework the data was made for.
  const problemContext = (fwId: string) => {
    const f = data.frameworks.find((x) => x.id === fwId);
    return f
      ? { elementName: (id: string) => f.elements.find((e) => e.id === id)?.name, maxLevel: f.levels.length }
      : {};
  };

  // Load the saved assessment for the framework. Until it is loaded the form is inert and nothing is
  // saved, so a slow or failed load can never overwrite what the browser holds.
  useEffect(() => {
    let current = true;
    setCompareDate('');
    if (incoming.current?.framework.id === fw.id) {
      setA(incoming.current);
      incoming.current = null;
      setLoaded(true);
      return;
    }
    setNotices((n) => (n.length ? [] : n));
    refreshKept();
    const key = assessmentStorageKey(fw.id);
    const entry = store.raw(key);
    const person = carry.current;
    carry.current = null;
    const withPerson = (x: Assessment): Assessment =>
      person
        ? { ...x, person: { ...person, ...Object.fromEntries(Object.entries(x.person).filter(([, v]) => v)) } }
        : x;
    if (entry.status === 'empty') {
      if (entry.unavailable) notify({ kind: 'warn', text: t('assess.storageUnavailable') });
      // As a transition: filling the whole form is rendered in short tasks, not one long one.
      startTransition(() => {
        setA(withPerson(emptyAssessment(fw, { name: '' }, 'self')));
        setLoaded(true);
      });
      return;
    }
    fileJobs()
      .then(async ({ runJob, jobFrameworks, nextTask, problemTexts }) => {
        await nextTask('banso:read-saved');
        if (!current) return;
        const r = await runJob({
          type: 'saved',
          raw: entry.raw,
          frameworkId: fw.id,
          frameworks: jobFrameworks(data.frameworks),
        });
        if (!current) return;
        if (r.status === 'corrupt') {
          // Set the unreadable text aside before anything can be saved over it.
          const { locked } = store.setAside(key, r.raw);
          refreshKept();
          notify({
            kind: 'error',
            text: t(locked ? 'safe.store.locked' : 'safe.store.unreadable'),
            details: [
              ...(r.error.code === 'invalid' ? [t('assess.import.invalid')] : []),
              ...problemTexts(r.error.problems.slice(0, 8), t, problemContext(fw.id)),
            ],
          });
        }
        // One transition for the assessment and "loaded" together: the form is filled in short tasks,
        // and the first save effect sees both at once (so loading is never mistaken for an edit).
        startTransition(() => {
          setA(withPerson(r.status === 'ok' ? r.assessment : emptyAssessment(fw, { name: '' }, 'self')));
          setLoaded(true);
        });
      })
      .catch(() => {
        if (current) notify({ kind: 'error', text: t('assess.codeFailed') });
      });
    return () => {
      current = false;
    };
  }, [fw.id]);

  // Share links live in the hash; their parser is loaded only when the address has one. The link is
  // validated against its framework here, so every problem shows before "Load it".
  useEffect(() => {
    if (!/[#&]v=/.test(location.hash)) return;
    void fileJobs()
      .then(async ({ runJob, jobFrameworks, nextTask, problemTexts }) => {
        await nextTask('banso:read-link');
        const r = await runJob({
          type: 'link',
          text: location.hash,
          now: new Date().toISOString(),
          frameworks: jobFrameworks(data.frameworks),
        });
        if (r.ok) {
          // A transition: the preview re-renders the whole form, in short tasks this way.
          if (data.frameworks.some((f) => f.id === r.assessment.framework.id))
            startTransition(() => setShared(r.assessment));
          else
            notify({
              kind: 'error',
              text: t('assess.linkInvalid'),
              details: [t('assess.import.unknownFramework', { id: r.assessment.framework.id })],
            });
        } else if (r.error.code !== 'no-data') {
          const fwId = /[#&]fw=([a-z0-9-]+)/.exec(location.hash)?.[1] ?? '';
          notify({
            kind: 'error',
            text: t('assess.linkInvalid'),
            details: [
              t(`assess.linkError.${r.error.code}`),
              ...problemTexts(r.error.problems, t, problemContext(fwId)),
            ],
          });
        }
      })
      .catch(() => notify({ kind: 'error', text: t('assess.codeFailed') }));
  }, []);

  // Save on every change (after the first load), and say so when the browser cannot keep it.
  const firstSave = useRef(true);
  // The saved text of an imported file, made with it in the worker: saving it does not serialise megabytes again here.
  const serialised = useRef(new WeakMap<Assessment, string>());
  useEffect(() => {
    if (!loaded) return;
    if (firstSave.current) {
      firstSave.current = false;
      return;
    }
    const r = save(store, a, serialised.current.get(a));
    if (!r.ok)
      notify({
        kind: 'error',
        text:
          r.reason === 'quota'
            ? t('assess.storageFull')
            : r.reason === 'locked'
              ? t('safe.store.locked')
              : t('assess.storageUnavailable'),
      });
  }, [a]);

  const ratings = useMemo(() => ratingsOf(a), [a]);
  const rec = useMemo(() => reconcile(a, fw), [a, fw]);
  const target = data.roles.find((r) => r.id === a.person.targetRole);
  const targetExpected = target?.expected[fw.id];
  // Agreed snapshots (levels agreed in a 1:1, imported from an agreed record) are drawn as their own series.
  const snapshots = [...a.snapshots].filter((s) => !s.agreedBy).sort(newestFirst);
  const agreedSnaps = [...a.snapshots].filter((s) => s.agreedBy).sort(newestFirst);
  const previous =
    snapshots.find((s) => s.date === compareDate) ?? snapshots.find((s) => s.date < todayIso()) ?? undefined;

  const update = (fn: (x: Assessment) => Assessment) =>
    setA((x) => ({ ...fn(x), updatedAt: new Date().toISOString() }));
  const rate = (el: string, level: number) =>
    update((x) => ({ ...x, ratings: { ...x.ratings, [el]: { ...x.ratings[el], level } } }));
  const setEvidence = (el: string, evidence: string) =>
    update((x) => ({
      ...x,
      ratings: { ...x.ratings, [el]: { level: x.ratings[el]?.level ?? 0, ...(evidence ? { evidence } : {}) } },
    }));
  const setPerson = (p: Partial<Assessment['person']>) => update((x) => ({ ...x, person: { ...x.person, ...p } }));

  // Radar
  const series: RadarSeries[] = [
    { label: t('assess.series.current'), values: fw.elements.map((e) => ratings[e.id] ?? null), style: 'solid' },
  ];
  if (reveal && target && targetExpected)
    series.push({
      label: t('assess.series.target', { role: target.name }),
      values: fw.elements.map((e) => targetExpected[e.id] ?? 0),
      style: 'dashed',
    });
  if (previous)
    series.push({
      label: t('assess.series.previous', { date: previous.date }),
      values: fw.elements.map((e) => previous.ratings[e.id] ?? null),
      style: 'dotted',
    });
  if (agreedSnaps[0])
    series.push({
      label: t('assess.series.agreed', { date: agreedSnaps[0].date }),
      values: fw.elements.map((e) => agreedSnaps[0].ratings[e.id] ?? null),
      style: 'dashdot',
    });
  const sum = summariseRatings(fw, ratings);
  const readiness = targetExpected ? computeReadiness(ratings, targetExpected) : undefined;
  const summary = [
    t('assess.summary.rated', { rated: sum.rated, total: sum.total }),
    sum.rated ? t('assess.summary.avg', { avg: sum.average.toFixed(1) }) : '',
    sum.strongest ? t('assess.summary.strongest', { name: sum.strongest.name, level: sum.strongest.level }) : '',
    reveal && readiness && target
      ? t('assess.summary.vsRole', {
          role: target.name,
          met: readiness.met,
          near: readiness.nearMiss,
          missing: readiness.missing,
        })
      : '',
  ]
    .filter(Boolean)
    .join(' ');

  const el = (id: string) => fw.elements.find((e) => e.id === id);

  const exportJson = () => {
    const name = exportFileName(a, todayIso());
    downloadText(name, serialiseAssessment(a), 'application/json');
    notify({ kind: 'info', text: t('assess.exported', { file: name }) });
  };
  const today = todayIso();
  const snapshot = () => {
    update((x) => addSnapshot(x, today));
    setConfirmSnap(false);
    notify({ kind: 'info', text: t('assess.snapshotSaved', { date: today }) });
  };
  const importFile = async (file: File) => {
    const failed = (details: string[]) =>
      notify({ kind: 'error', text: t('assess.import.failed', { file: file.name }), details });
    if (file.size > MAX_FILE_BYTES) {
      failed([t('assess.import.too-large')]);
      return;
    }
    let fj: Awaited<ReturnType<typeof fileJobs>>;
    let r: FileJobAnswer<{ type: 'file' } & FileJob>;
    try {
      fj = await fileJobs();
      // A file that cannot be read (removed meanwhile) reads as empty: refused as "not JSON".
      const bytes = await file.arrayBuffer().catch(() => null);
      r = await fj.runJob({
        type: 'file',
        content: bytes ? { bytes } : { text: '' },
        frameworks: fj.jobFrameworks(data.frameworks),
      });
    } catch {
      failed([t('assess.codeFailed')]);
      return;
    }
    if (!r.ok) {
      // A whole-file problem says it all; values that are not allowed get their heading first.
      failed([
        ...(r.error.code === 'invalid' ? [t('assess.import.invalid')] : []),
        ...fj.problemTexts(r.error.problems.slice(0, 8), t, problemContext(r.error.frameworkId ?? fw.id)),
      ]);
      return;
    }
    if (r.assessment.kind === 'manager') {
      failed([t('assess.agreed.managerFile')]);
      return;
    }
    if (r.assessment.kind === 'agreed') {
      const { addAgreedToHistory } = await import('../lib/review/agreed-history.ts');
      const m = addAgreedToHistory(a, r.assessment);
      if (!m.ok) {
        failed([t(`assess.agreed.${m.code}`, m.values)]);
        return;
      }
      update(() => m.assessment);
      notify({
        kind: 'info',
        text: t(m.replaced ? 'assess.agreed.replaced' : 'assess.agreed.imported', { date: m.date }),
      });
      return;
    }
    const target = data.frameworks.find((f) => f.id === r.assessment.framework.id);
    if (!target) {
      failed([t('assess.import.unknownFramework', { id: r.assessment.framework.id })]);
      return;
    }
    firstSave.current = false;
    serialised.current.set(r.assessment, r.text);
    if (target.id !== fw.id) {
      incoming.current = r.assessment;
      setLoaded(false);
      setFwId(target.id);
    } else {
      setA(r.assessment);
      setLoaded(true);
    }
    notify({
      kind: 'info',
      text: t('assess.import.done', { file: file.name }),
      details:
        target.id !== fw.id ? [t('safe.other.framework', { framework: target.name, current: fw.name })] : undefined,
    });
  };
  const loadShared = () => {
    if (!shared) return;
    const f = data.frameworks.find((x) => x.id === shared.framework.id);
    if (!f) {
      setShared(null);
      return;
    }
    firstSave.current = false;
    // A transition: filling the form with the link's ratings is rendered in short tasks.
    startTransition(() => {
      if (f.id !== fw.id) {
        incoming.current = shared;
        setLoaded(false);
        setFwId(f.id);
        notify({ kind: 'info', text: t('safe.other.framework', { framework: f.name, current: fw.name }) });
      } else {
        setA(shared);
        setLoaded(true);
      }
      setShared(null);
    });
    history.replaceState(null, '', location.pathname + location.search);
  };
  const copyLink = async () => {
    const { toShareHash } = await import('../lib/assessment/share-link.ts');
    const url = location.origin + location.pathname + toShareHash(a);
    try {
      await navigator.clipboard.writeText(url);
      notify({ kind: 'info', text: t('assess.linkCopied') });
    } catch {
      notify({ kind: 'info', text: t('assess.linkHere'), details: [url] });
    }
  };
  const reset = () => {
    setA(emptyAssessment(fw, { name: a.person.name, role: a.person.role, targetRole: a.person.targetRole }, 'self'));
    setConfirmReset(false);
    notify({ kind: 'info', text: t('assess.resetDone') });
  };

  return (
    <div className="assess" data-ready={loaded ? 'true' : 'false'} aria-busy={!loaded}>
      {!loaded && (
        <p className="muted" role="status">
          {t('assess.loadingSaved')}
        </p>
      )}
      <Notices notices={notices} onDismiss={dismiss} t={t}>
        <KeptList kept={kept} onDiscard={discard} t={t} />
        {shared && (
          <div className="notice-box info" role="status" data-testid="shared-preview">
            <p>
              {t('assess.sharedFound', {
                name: `\u2068${shared.person.name || t('assess.unnamed')}\u2069`,
                count: Object.keys(shared.ratings).length,
              })}
            </p>
            {shared.framework.id !== fw.id && (
              <p>
                {t('safe.link.forFramework', {
                  framework: data.frameworks.find((f) => f.id === shared.framework.id)?.name ?? shared.framework.id,
                  current: fw.name,
                })}
              </p>
            )}
            <button type="button" className="primary" onClick={loadShared}>
              {t('assess.sharedLoad')}
            </button>{' '}
            <button type="button" onClick={() => setShared(null)}>
              {t('assess.sharedIgnore')}
            </button>
          </div>
        )}
      </Notices>

      <section className="section-box no-print-controls" aria-labelledby="who" inert={!loaded}>
        <h2 id="who">{t('assess.who')}</h2>
        <div className="form-grid">
          {data.frameworks.length > 1 && (
            <label>
              {t('assess.framework')}
              <select
                value={fw.id}
                onChange={(e) => {
                  carry.current = a.person;
                  setLoaded(false);
                  firstSave.current = true;
                  setFwId(e.target.value);
                }}
              >
                {data.frameworks.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('assess.name')}
            <input
              type="text"
              value={a.person.name}
              maxLength={120}
              autoComplete="name"
              onChange={(e) => setPerson({ name: e.target.value })}
            />
          </label>
          <RoleSelect
            label={t('assess.currentRole')}
            roles={data.roles}
            value={a.person.role}
            onChange={(role) => setPerson({ role })}
          />
          <RoleSelect
            label={t('plan.targetRole')}
            roles={data.roles}
            value={a.person.targetRole}
            onChange={(targetRole) => setPerson({ targetRole })}
            testId="target-role"
          />
        </div>
        <p className="print-only" data-testid="print-person">
          {[
            a.person.name || t('assess.unnamed'),
            fw.name,
            `${data.roles.find((r) => r.id === a.person.role)?.name ?? '—'} → ${target?.name ?? '—'}`,
          ].join(' · ')}
        </p>
        {rec.outdated && (
          <p className="notice-box warn" role="status">
            {a.framework.version === fw.version
              ? t('safe.other.structure', { framework: fw.name, version: fw.version })
              : t('safe.other.version', { framework: fw.name, old: a.framework.version, now: fw.version })}
          </p>
        )}
        {rec.removed.length > 0 && (
          <div className="notice-box warn" role="status">
            <p>{t('assess.removed')}</p>
            <ul>
              {rec.removed.map((r) => (
                <li key={r.element}>
                  <code>{r.element}</code>: {t('common.levelN', { n: r.level })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {rec.outOfScale.length > 0 && (
          <p className="notice-box warn">
            {t('assess.outOfScale', {
              list: rec.outOfScale.map((o) => `${el(o.element)?.name ?? o.element} (${o.level} > ${o.max})`).join(', '),
            })}
          </p>
        )}
      </section>

      <div className="assess-layout">
        <section aria-labelledby="rate" className="assess-rate" inert={!loaded}>
          <h2 id="rate">{t('assess.rateTitle')}</h2>
          <p>{t('assess.rateHelp')}</p>
          <label className="reveal">
            <input
              type="checkbox"
              checked={reveal}
              onChange={(e) => setPref({ reveal: e.target.checked })}
              data-testid="reveal"
            />{' '}
            {t('assess.reveal')}
          </label>
          {fw.groups.map((g) => (
            <div key={g.id} className="group">
              <h3 id={`grp-${g.id}`}>{g.name}</h3>
              {fw.elements
                .filter((e) => e.group === g.id)
                .map((e) => (
                  <ElementRating
                    key={e.id}
                    fw={fw}
                    el={e}
                    value={a.ratings[e.id]?.level}
                    evidence={a.ratings[e.id]?.evidence ?? ''}
                    expected={reveal ? targetExpected?.[e.id] : undefined}
                    onRate={(l) => rate(e.id, l)}
                    onEvidence={(v) => setEvidence(e.id, v)}
                    t={t}
                  />
                ))}
            </div>
          ))}
        </section>

        <aside className="assess-side" aria-labelledby="radar">
          <section className="section-box">
            <h2 id="radar">{t('assess.radarTitle')}</h2>
            <p className="side-stats">
              <strong data-testid="rated-count">
                {t('assess.side.rated', { rated: sum.rated, total: sum.total })}
              </strong>
              {target &&
                (reveal && readiness ? (
                  <>
                    {' '}
                    ·{' '}
                    <span data-testid="side-readiness">
                      {t('assess.side.readiness', { role: target.name, pct: Math.round(readiness.score * 100) })}
                    </span>
                  </>
                ) : (
                  <>
                    {' '}
                    · <span className="muted">{t('assess.side.readinessHidden')}</span>
                  </>
                ))}
            </p>
            <ViewSwitch view={view} onChange={(v) => setPref({ view: v })} t={t} />
            {snapshots.length > 0 && (
              <label className="no-print">
                {t('assess.compareWith')}{' '}
                <select value={previous?.date ?? ''} onChange={(e) => setCompareDate(e.target.value)}>
                  {snapshots.map((s) => (
                    <option key={s.date} value={s.date}>
                      {s.date}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {view === 'bars' ? (
              <LevelBars
                levels={fw.levels.length}
                elements={fw.elements}
                now={ratings}
                target={reveal ? targetExpected : undefined}
                nowLabel={t('assess.view.now')}
                targetLabel={target?.name}
                notRated={t('assess.notRated')}
                summary={summary}
              />
            ) : (
              <FrameworkRadar
                fw={fw}
                title={`${t('assess.radarTitle')} — ${fw.name}`}
                series={series}
                summary={summary}
                tableCaption={t('assess.tableCaption')}
                notRated={t('assess.notRated')}
                keyList={false}
                t={t}
              />
            )}
            {!reveal && target && <p className="muted">{t('assess.targetHidden')}</p>}
            <nav className="jump no-print" aria-label={t('assess.jump')}>
              <ol>
                {fw.groups.map((g) => (
                  <li key={g.id}>
                    <a href={`#grp-${g.id}`}>{g.name}</a>
                    <ol>
                      {fw.elements
                        .filter((e) => e.group === g.id)
                        .map((e) => (
                          <li key={e.id}>
                            {fw.elements.indexOf(e) + 1}. <a href={`#el-${e.id}`}>{e.name}</a>{' '}
                            <span className="badge">{ratings[e.id] ?? '–'}</span>
                          </li>
                        ))}
                    </ol>
                  </li>
                ))}
              </ol>
            </nav>
          </section>
        </aside>
      </div>

      <section aria-labelledby="keep" className="section-box no-print" inert={!loaded}>
        <h2 id="keep">{t('assess.keepTitle')}</h2>
        <p>{t('assess.keepHelp')}</p>
        <div className="actions">
          {confirmSnap ? (
            <span className="confirm" role="group" aria-label={t('assess.snapshotExists', { date: today })}>
              <span>{t('assess.snapshotExists', { date: today })}</span>{' '}
              <button type="button" className="primary" onClick={snapshot} data-testid="snapshot-replace">
                {t('assess.snapshotReplace')}
              </button>{' '}
              <button type="button" onClick={() => setConfirmSnap(false)}>
                {t('assess.cancel')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="primary"
              data-testid="snapshot"
              onClick={() => (a.snapshots.some((x) => x.date === today) ? setConfirmSnap(true) : snapshot())}
            >
              {t('assess.snapshot')}
            </button>
          )}
          <button type="button" onClick={exportJson}>
            {t('assess.export')}
          </button>
          <JsonFileButton label={t('assess.import')} onFile={(f) => void importFile(f)} testId="import-file" />
          <button type="button" onClick={() => void copyLink()}>
            {t('assess.share')}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t('common.print')}
          </button>
          {confirmReset ? (
            <>
              <button type="button" className="danger" onClick={reset}>
                {t('assess.resetConfirm')}
              </button>{' '}
              <button type="button" onClick={() => setConfirmReset(false)}>
                {t('assess.cancel')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirmReset(true)}>
              {t('assess.reset')}
            </button>
          )}
        </div>
        {a.snapshots.length > 0 && (
          <>
            <h3>{t('assess.history')}</h3>
            <ul className="history" data-testid="history">
              {[...a.snapshots].sort(newestFirst).map((s) => (
                <li key={`${s.date}${s.agreedBy ? ' agreed' : ''}`} data-agreed={s.agreedBy ? 'true' : undefined}>
                  {s.date}:{' '}
                  {s.agreedBy && (
                    <>
                      <span className="badge badge-brand badge-ok">{t('assess.agreed.badge')}</span>{' '}
                    </>
                  )}
                  {t('assess.summary.rated', { rated: Object.keys(s.ratings).length, total: fw.elements.length })}
                  {s.agreedBy && `, ${t('assess.agreed.by', { names: s.agreedBy.join(', ') })}`}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="plan" className="section-box plan" inert={!loaded}>
        <h2 id="plan">{t('plan.title')}</h2>
        {!target || !targetExpected ? (
          <p>{t('plan.pickTarget')}</p>
        ) : (
          <Suspense fallback={<p>…</p>}>
            <GrowthPlan data={data} fw={fw} a={a} ratings={ratings} target={target} t={t} />
          </Suspense>
        )}
      </section>
    </div>
  );
}

/** A role, or none ("—"). */
function RoleSelect(props: {
  label: string;
  roles: readonly { id: string; name: string }[];
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  testId?: string;
}) {
  const { label, roles, value, onChange, testId } = props;
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid={testId}>
        <option value="">—</option>
        {roles.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function ElementRating(props: {
  fw: ClientFramework;
  el: ClientFramework['elements'][number];
  value?: number;
  evidence: string;
  expected?: number;
  onRate: (l: number) => void;
  onEvidence: (v: string) => void;
  t: Translate;
}) {
  const { fw, el, value, evidence, expected, onRate, onEvidence, t } = props;
  const shown = el.levels.find((l) => l.level === value);
  const name = `rate-${el.id}`;
  return (
    <fieldset className="element-rating" data-element={el.id} id={`el-${el.id}`}>
      <legend>
        {el.name}
        {value === undefined && <span className="badge">{t('assess.notRated')}</span>}
        {expected !== undefined && <span className="badge badge-brand">{t('assess.expected', { n: expected })}</span>}
      </legend>
      <p className="muted">{el.summary}</p>
      <div className="levels-radio" role="radiogroup" aria-label={el.name}>
        <LevelRadios name={name} value={value} levels={fw.levels} onRate={onRate} t={t} />
      </div>
      {shown && <LevelDescriptor level={shown.level} descriptor={shown.descriptor} t={t} />}
      <LevelDescriptors summary={t('assess.readLevels')} levels={el.levels} t={t} />
      {evidence && (
        <p className="print-only">
          <strong>{t('assess.evidence')}:</strong> {evidence}
        </p>
      )}
      <EvidenceField
        label={t('assess.evidence')}
        value={evidence}
        onChange={onEvidence}
        placeholder={t('assess.evidenceHint')}
      />
    </fieldset>
  );
}
