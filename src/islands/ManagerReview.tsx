/**
 * Manager review island: open a member's self-assessment (file or share link), rate each element as
 * the manager, then hold the 1:1 (agreed levels, goals, next review) and export the records. One
 * review per member is kept in this browser (lib/review/session.ts). State and rendering only: every
 * rule lives in src/lib/review.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { translator, type Dict, type Translate } from '../i18n/translator.ts';
import type { UIKey } from '../i18n/ui.ts';
import type { ClientData } from '../lib/assessment/skill-island-props.ts';
import type { Assessment } from '../schemas/assessment.ts';
import { exportFileName, serialiseAssessment } from '../lib/assessment/file-output.ts';
import type { ReviewProblem } from '../lib/review/validate.ts';
import { runJob } from './file-jobs.ts';
import { MAX_FILE_BYTES, MAX_PERSON_NAME } from '../schemas/assessment-constants.ts';
import {
  listSessions,
  saveSession,
  sessionKey,
  withAgreed,
  withManager,
  withSelf,
  type ReviewSession,
  type StoredSession,
} from '../lib/review/session.ts';
import { browserStorage, downloadText, todayIso } from './browser.ts';
import { RatePanel } from './review/RatePanel.tsx';
import { OneOnOne } from './review/OneOnOne.tsx';
import { LabelledInput } from './review/LabelledInput.tsx';
import { JsonFileButton } from './JsonFileButton.tsx';
import { problemTexts } from '../lib/assessment/problem-text.ts';
import { Notices, useNotices, type Notice } from './notices.tsx';

/** A notice that may offer the raw text of a file for download, or replacing an unreadable stored review. */
type ReviewNotice = Notice & { raw?: { name: string; text: string }; replace?: ReviewSession };

const ASSESSOR_KEY = 'banso:review-assessor';

/** One problem, worded in the page's language (the codes come from lib/review/validate.ts). */
export function problemText(p: ReviewProblem, t: Translate): { text: string; details: string[] } {
  if (p.code === 'parse')
    return {
      text: t(`assess.import.${p.error.code}` as UIKey),
      details: problemTexts(p.error.problems.slice(0, 8), t),
    };
  if (p.code === 'link') return { text: t('review.problem.link'), details: p.details.slice(0, 8) };
  if (p.code === 'not-opened')
    return {
      text: t('review.problem.not-opened', { name: p.values.name, kind: t(`review.kind.${p.values.kind}`) }),
      details: [],
    };
  return { text: t(`review.problem.${p.code}`, p.values as Record<string, string | number>), details: [] };
}

export default function ManagerReview({ data, dict }: { data: ClientData; dict: Dict }) {
  const t = useMemo(() => translator(dict), [dict]);
  const [stored, setStored] = useState<StoredSession[]>([]);
  const [current, setCurrent] = useState('');
  const [ready, setReady] = useState(false);
  const { notices, notify, dismiss } = useNotices<ReviewNotice>();
  const [view, setView] = useState<'rate' | 'one'>('rate');
  const [assessor, setAssessor] = useState('');
  const [link, setLink] = useState('');
  const ids = { member: useId(), link: useId() };

  const reload = () => {
    const s = browserStorage();
    const all = data.frameworks.flatMap((f) => listSessions(s, f.id));
    setStored(all);
    return all;
  };

  useEffect(() => {
    const all = reload();
    const first = all.find((x) => x.status === 'ok');
    if (first) setCurrent(first.key);
    try {
      setAssessor(window.localStorage.getItem(ASSESSOR_KEY) ?? '');
    } catch {
      notify({ kind: 'warn', text: t('review.storage.unavailable') });
    }
    setReady(true);
  }, []);

  const sessions = stored.filter((x): x is Extract<StoredSession, { status: 'ok' }> => x.status === 'ok');
  const corrupt = stored.filter((x): x is Extract<StoredSession, { status: 'corrupt' }> => x.status === 'corrupt');
  const session = sessions.find((x) => x.key === current)?.session;
  const fw = session ? data.frameworks.find((f) => f.id === session.self.framework.id) : undefined;

  /** Save a review and show it; a refused save leaves the stored copy and says why. */
  const put = (next: ReviewSession, opts: { overwriteUnreadable?: boolean } = {}): boolean => {
    const r = saveSession(browserStorage(), next, opts);
    const key = sessionKey(next.self.framework.id, next.self.person.name);
    if (!r.ok) {
      if (r.reason === 'unreadable-entry') {
        const raw = corrupt.find((c) => c.key === key)?.raw ?? '';
        notify({
          kind: 'error',
          text: t('review.storage.blocked'),
          raw: { name: 'banso-review-unreadable.json', text: raw },
          replace: next,
        });
        return false;
      }
      notify({
        kind: 'error',
        text: r.reason === 'quota' ? t('review.storage.full') : t('review.storage.unavailable'),
      });
      // Still shown (and exportable) for this visit.
    }
    setStored((list) => {
      const rest = list.filter((x) => x.key !== key);
      return [...rest, { key, status: 'ok' as const, session: next }].sort((a, b) => (a.key < b.key ? -1 : 1));
    });
    setCurrent(key);
    return true;
  };

  const update = (fn: (s: ReviewSession) => ReviewSession) => {
    if (session) put(fn(session));
  };

  const open = async (text: string, label: string) => {
    // Read and checked in the file-reading worker: a file up to the size limit never blocks the page.
    const r = await runJob({
      type: 'review',
      text,
      frameworks: data.frameworks,
      open: session ? { name: session.self.person.name } : undefined,
      opened: sessions.map((x) => x.session.self.person.name),
      now: new Date().toISOString(),
    });
    if (!r.ok) {
      const p = problemText(r.problem, t);
      notify({ kind: 'error', text: `${t('review.open.failed', { file: label })} ${p.text}`, details: p.details });
      return;
    }
    const a: Assessment = r.assessment;
    const name = a.person.name || '—';
    if (a.kind === 'self') {
      const key = sessionKey(a.framework.id, a.person.name);
      const existing = sessions.find((x) => x.key === key)?.session;
      const res = withSelf(existing, a, assessor, new Date());
      if (res.update !== 'same' && res.update !== 'older') {
        if (!put(res.session)) return;
      } else setCurrent(key);
      const msg = {
        new: 'review.open.opened',
        same: 'review.open.same',
        newer: 'review.open.newer',
        older: 'review.open.older',
      } as const;
      notify({ kind: res.update === 'older' ? 'warn' : 'info', text: t(msg[res.update], { name }) });
      setView('rate');
    } else if (session && a.kind === 'manager') {
      if (put(withManager(session, a))) notify({ kind: 'info', text: t('review.open.manager', { name }) });
    } else if (session && a.kind === 'agreed') {
      if (put(withAgreed(session, a)))
        notify({ kind: 'info', text: t('review.open.agreed', { name, date: a.agreement!.date }) });
    }
  };

  const openFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      notify({
        kind: 'error',
        text: `${t('review.open.failed', { file: file.name })} ${t('assess.import.too-large')}`,
      });
      return;
    }
    await open(await file.text(), file.name);
  };

  const setAssessorName = (v: string) => {
    setAssessor(v);
    try {
      window.localStorage.setItem(ASSESSOR_KEY, v);
    } catch {
      /* the warning was shown on load */
    }
    if (session)
      update((s) => ({
        ...s,
        manager: {
          ...s.manager,
          ...(v ? { assessor: v } : { assessor: undefined }),
          updatedAt: new Date().toISOString(),
        },
      }));
  };

  const exportManager = () => {
    if (!session) return;
    downloadText(exportFileName(session.manager, todayIso()), serialiseAssessment(session.manager), 'application/json');
  };

  const rated = session
    ? Object.keys(session.manager.ratings).filter((id) => fw?.elements.some((e) => e.id === id)).length
    : 0;

  return (
    <div className="manager-review" data-ready={ready ? 'true' : 'false'} data-testid="manager-review">
      <Notices
        notices={notices}
        onDismiss={dismiss}
        t={t}
        actions={(n) => (
          <>
            {n.raw && (
              <button type="button" onClick={() => downloadText(n.raw!.name, n.raw!.text, 'application/json')}>
                {t('review.storage.download')}
              </button>
            )}
            {n.replace && (
              <button
                type="button"
                className="danger"
                onClick={() => {
                  if (put(n.replace!, { overwriteUnreadable: true })) {
                    dismiss(n);
                    reload();
                  }
                }}
              >
                {t('review.storage.replace')}
              </button>
            )}
          </>
        )}
      />

      {corrupt.length > 0 && (
        <div className="stored-problems">
          {corrupt.map((c) => (
            <div key={c.key} className="notice-box error" role="alert" data-testid="review-unreadable">
              <p className="notice-text">{t('review.storage.unreadable')}</p>
              <ul>
                {c.details.slice(0, 5).map((d) => (
                  <li key={d}>
                    <bdi>{d}</bdi>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                onClick={() => downloadText('banso-review-unreadable.json', c.raw, 'application/json')}
              >
                {t('review.storage.download')}
              </button>
            </div>
          ))}
        </div>
      )}

      <section className="section-box review-open no-print" aria-labelledby="review-open-title">
        <h2 id="review-open-title">{t('review.open.title')}</h2>
        <p>{t('review.open.help')}</p>
        <div className="form-grid">
          <LabelledInput
            label={t('review.assessor')}
            type="text"
            value={assessor}
            maxLength={MAX_PERSON_NAME}
            autoComplete="name"
            onChange={setAssessorName}
            testId="review-assessor"
          />
        </div>
        <div className="actions">
          <JsonFileButton
            label={t('review.open.file')}
            className="primary"
            onFile={(f) => void openFile(f)}
            testId="review-open-file"
            tabIndex={-1}
          />
        </div>
        <label htmlFor={ids.link} className="block-label">
          {t('review.open.link')}
        </label>
        <div className="link-row">
          <input
            id={ids.link}
            type="url"
            value={link}
            onChange={(e) => setLink(e.target.value)}
            spellCheck={false}
            data-testid="review-link"
          />
          <button
            type="button"
            disabled={!link.trim()}
            onClick={() => {
              void open(link, t('review.open.link'));
              setLink('');
            }}
          >
            {t('review.open.linkButton')}
          </button>
        </div>
        <p className="privacy-note">
          <span className="sym sym-lock" aria-hidden="true" />
          {t('review.privacy')}
        </p>
      </section>

      {!session || !fw ? (
        <p className="empty-team" data-testid="review-empty">
          {t('review.empty')}
        </p>
      ) : (
        <>
          <section className="section-box review-who no-print" aria-labelledby="review-who-title">
            <h2 id="review-who-title" className="visually-hidden">
              {t('review.member')}
            </h2>
            {sessions.length > 1 && (
              <label htmlFor={ids.member}>
                {t('review.member')}{' '}
                <select
                  id={ids.member}
                  value={current}
                  onChange={(e) => setCurrent(e.target.value)}
                  data-testid="review-member"
                >
                  {sessions.map((x) => (
                    <option key={x.key} value={x.key}>
                      {x.session.self.person.name || '—'}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <p data-testid="review-summary">
              {t('review.summary', {
                name: session.self.person.name || '—',
                date: session.self.updatedAt.slice(0, 10),
                rated,
                total: fw.elements.length,
              })}
            </p>
            <div className="step-switch" role="group" aria-label={t('review.view')}>
              <button
                type="button"
                aria-pressed={view === 'rate'}
                onClick={() => setView('rate')}
                data-testid="view-rate"
              >
                {t('review.view.rate')}
              </button>
              <button type="button" aria-pressed={view === 'one'} onClick={() => setView('one')} data-testid="view-one">
                {t('review.view.oneOnOne')}
              </button>
            </div>
          </section>
          {view === 'rate' ? (
            <RatePanel
              key={current}
              fw={fw}
              session={session}
              t={t}
              onChange={(manager) =>
                update((s) => ({ ...s, manager: { ...manager, updatedAt: new Date().toISOString() } }))
              }
              onExport={exportManager}
            />
          ) : (
            <OneOnOne key={current} data={data} fw={fw} session={session} t={t} onChange={update} />
          )}
        </>
      )}
    </div>
  );
}
