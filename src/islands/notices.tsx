/**
 * The one notices component of the islands: messages (error, warning, info) with their details, and
 * the list of saved data that could not be read (kept aside by lib/storage/kept-storage.ts) with
 * Download and Discard. Also the hooks that go with them: useNotices and useKeptStorage.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Translate } from '../i18n/translator.ts';
import { KeptStorage, setAsideFileName, type SetAside } from '../lib/storage/kept-storage.ts';
import { browserStorage, downloadText } from './browser.ts';

export type Notice = { kind: 'error' | 'info' | 'warn'; text: string; details?: string[] };

/** Notices of one island: a new notice with the same text replaces the old one. */
export function useNotices<N extends Notice = Notice>() {
  const [notices, setNotices] = useState<N[]>([]);
  const notify = useCallback((n: N) => setNotices((list) => [...list.filter((x) => x.text !== n.text), n]), []);
  const dismiss = useCallback((n: N) => setNotices((list) => list.filter((x) => x !== n)), []);
  return { notices, notify, dismiss, setNotices };
}

/**
 * The page's storage, wrapped so that nothing it could not read is overwritten, and the kept copies
 * whose key starts with `keyPrefix` (refresh after a read that set something aside).
 */
export function useKeptStorage(keyPrefix: string) {
  const store = useMemo(() => new KeptStorage(browserStorage()), []);
  const [kept, setKept] = useState<SetAside[]>([]);
  // Nothing kept before or now (the usual case) leaves the state as it is: no re-render at load.
  const refresh = useCallback(() => {
    const list = store.list(keyPrefix);
    setKept((old) => (list.length === 0 && old.length === 0 ? old : list));
  }, [store, keyPrefix]);
  const discard = useCallback(
    (id: string) => {
      store.discard(id);
      refresh();
    },
    [store, refresh],
  );
  return { store, kept, refresh, discard };
}

/** `actions` adds buttons of a notice's own (e.g. Download, Replace) before its Close button. */
export function Notices<N extends Notice>({
  notices,
  onDismiss,
  t,
  testId,
  actions,
  children,
}: {
  notices: N[];
  onDismiss: (n: N) => void;
  t: Translate;
  testId?: string;
  actions?: (n: N) => ReactNode;
  children?: ReactNode;
}) {
  return (
    <div aria-live="polite" className="notices">
      {notices.map((n) => (
        <div
          key={n.text}
          className={`notice-box ${n.kind}`}
          role={n.kind === 'error' ? 'alert' : 'status'}
          data-testid={testId}
        >
          <p className="notice-text">{n.text}</p>
          {n.details && n.details.length > 0 && (
            <ul>
              {n.details.map((d, i) => (
                <li key={i}>
                  <bdi>{d}</bdi>
                </li>
              ))}
            </ul>
          )}
          {actions?.(n)}
          <button type="button" className="link-button" onClick={() => onDismiss(n)}>
            {t('common.close')}
          </button>
        </div>
      ))}
      {children}
    </div>
  );
}

/** What a stored key holds, in words ("Self-assessment (cs-skills)"). */
export function keptWhat(key: string, t: Translate): string {
  const [, area, id] = key.split(':');
  if (area === 'assessment') return t('safe.key.assessment', { id: id ?? '' });
  if (area === 'team') return t('safe.key.team');
  if (area === 'onboarding') return t('safe.key.onboarding', { id: id ?? '' });
  if (area === 'plane-position') return t('safe.key.plane');
  return key;
}

/** Saved data that could not be read: each copy with Download and Discard (asked twice). */
export function KeptList({ kept, onDiscard, t }: { kept: SetAside[]; onDiscard: (id: string) => void; t: Translate }) {
  const [confirm, setConfirm] = useState<string | null>(null);
  if (!kept.length) return null;
  return (
    <section className="notice-box warn kept-list" aria-labelledby="kept-title" data-testid="kept-list">
      <h2 id="kept-title" className="kept-title">
        {t('safe.kept.title')}
      </h2>
      <p>{t('safe.kept.help')}</p>
      <ul>
        {kept.map((k) => {
          const size = t('safe.kept.size', { kb: Math.max(1, Math.round(k.raw.length / 1024)) });
          const what = keptWhat(k.key, t);
          return (
            <li key={k.id} data-kept={k.id}>
              <span>
                {k.at
                  ? t('safe.kept.item', { what, when: k.at.slice(0, 16).replace('T', ' '), size })
                  : t('safe.kept.itemLocked', { what, size })}
              </span>{' '}
              <button type="button" onClick={() => downloadText(setAsideFileName(k), k.raw, 'application/json')}>
                {t('safe.kept.download')}
              </button>{' '}
              {confirm === k.id ? (
                <>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      setConfirm(null);
                      onDiscard(k.id);
                    }}
                  >
                    {t('safe.kept.discardConfirm')}
                  </button>{' '}
                  <button type="button" onClick={() => setConfirm(null)}>
                    {t('safe.kept.cancel')}
                  </button>
                </>
              ) : (
                <button type="button" onClick={() => setConfirm(k.id)}>
                  {t('safe.kept.discard')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
