/**
 * The manager's rating: per element the member's level and evidence, the level descriptors, and the
 * manager's level and comment. "A" (or the Agree button) takes the member's level.
 */
import { EvidenceField, LevelDescriptor, LevelDescriptors, LevelRadios } from '../RatingParts.tsx';
import { EvidenceNote } from '../EvidenceNote.tsx';
import { memo, type KeyboardEvent } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { ClientFramework } from '../../lib/assessment/skill-island-props.ts';
import type { Assessment } from '../../schemas/assessment.ts';
import type { ReviewSession } from '../../lib/review/session.ts';
import { agreeWithSelf, checkLinks, levelIn } from '../../lib/review/records.ts';

export const RatePanel = memo(function RatePanel({
  fw,
  session,
  t,
  onChange,
  onExport,
}: {
  fw: ClientFramework;
  session: ReviewSession;
  t: Translate;
  onChange: (manager: Assessment) => void;
  onExport: () => void;
}) {
  const { self, manager } = session;
  const name = self.person.name || '—';
  const lvName = (n: number | null) =>
    n === null
      ? t('review.notRated')
      : n === 0
        ? `0 · ${t('assess.level0')}`
        : `${n} · ${fw.levels.find((l) => l.level === n)?.name ?? ''}`;
  const rate = (el: string, level: number) =>
    onChange({ ...manager, ratings: { ...manager.ratings, [el]: { ...manager.ratings[el], level } } });
  const comment = (el: string, text: string) =>
    onChange({
      ...manager,
      ratings: {
        ...manager.ratings,
        [el]: { level: manager.ratings[el]?.level ?? 0, ...(text ? { evidence: text } : {}) },
      },
    });
  const agree = (el: string) => onChange(agreeWithSelf(manager, self, el));
  const stale = checkLinks({ self, manager }).includes('review-of-other');

  return (
    <section aria-labelledby="review-rate-title" className="review-rate">
      <h2 id="review-rate-title">{t('review.rate.title', { name })}</h2>
      <p>{t('review.rate.help')}</p>
      {stale && (
        <p className="notice-box warn" role="note">
          {t('review.link.review-of-other')}
        </p>
      )}
      {fw.groups.map((g) => (
        <div key={g.id} className="group">
          <h3>{g.name}</h3>
          {fw.elements
            .filter((e) => e.group === g.id)
            .map((e) => (
              <ElementReview
                key={e.id}
                fw={fw}
                el={e}
                t={t}
                self={levelIn(self, e.id)}
                evidence={self.ratings[e.id]?.evidence ?? ''}
                mine={levelIn(manager, e.id)}
                comment={manager.ratings[e.id]?.evidence ?? ''}
                lvName={lvName}
                onRate={(l) => rate(e.id, l)}
                onComment={(v) => comment(e.id, v)}
                onAgree={() => agree(e.id)}
              />
            ))}
        </div>
      ))}
      <div className="section-box">
        <p className="muted">{t('review.rate.exportHelp')}</p>
        <button type="button" className="primary" onClick={onExport} data-testid="review-export">
          {t('review.rate.export')}
        </button>
      </div>
    </section>
  );
});

function ElementReview(props: {
  fw: ClientFramework;
  el: ClientFramework['elements'][number];
  t: Translate;
  self: number | null;
  evidence: string;
  mine: number | null;
  comment: string;
  lvName: (n: number | null) => string;
  onRate: (l: number) => void;
  onComment: (v: string) => void;
  onAgree: () => void;
}) {
  const { fw, el, t, self, evidence, mine, comment, lvName, onRate, onComment, onAgree } = props;
  const name = `mgr-${el.id}`;
  const descriptor = (n: number | null) => el.levels.find((l) => l.level === n)?.descriptor;
  // "a" anywhere in the element but a text field takes the member's level.
  const onKey = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    const target = e.target as HTMLElement;
    if (
      e.key.toLowerCase() !== 'a' ||
      e.ctrlKey ||
      e.metaKey ||
      e.altKey ||
      target.tagName === 'TEXTAREA' ||
      (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text')
    )
      return;
    if (self === null) return;
    e.preventDefault();
    onAgree();
  };
  const same = self !== null && mine === self;
  const mineText = descriptor(mine);
  return (
    <fieldset className="element-rating element-review" data-element={el.id} onKeyDown={onKey}>
      <legend>
        {el.name}
        {mine === null && <span className="badge">{t('review.notRated')}</span>}
        {same && <span className="badge badge-brand badge-ok">{t('review.rate.same')}</span>}
      </legend>
      <div className="member-side">
        <p data-testid="member-level">
          <strong>
            {self === null ? t('review.rate.memberNone') : t('review.rate.member', { level: lvName(self) })}
          </strong>
        </p>
        {self !== null && self > 0 && descriptor(self) && <p className="descriptor">{descriptor(self)}</p>}
        <EvidenceNote
          who={t('review.rate.evidence')}
          text={evidence.trim() ? evidence : undefined}
          none={t('review.rate.noEvidence')}
          className="member-evidence"
        />
      </div>
      <div className="manager-side">
        <p className="evidence-who" id={`${name}-label`}>
          {t('review.rate.yours')}
        </p>
        <div className="levels-radio" role="radiogroup" aria-labelledby={`${name}-label`}>
          <LevelRadios name={name} value={mine} levels={fw.levels} onRate={onRate} t={t} />
        </div>
        <button
          type="button"
          onClick={onAgree}
          disabled={self === null}
          aria-label={t('review.rate.agreeLabel', { element: el.name })}
          data-testid="agree"
        >
          {t('review.rate.agree')}
        </button>
        {mine !== null && mine > 0 && mineText && <LevelDescriptor level={mine} descriptor={mineText} t={t} />}
        <LevelDescriptors summary={t('review.rate.descriptors')} levels={el.levels} t={t} />
        <EvidenceField label={t('review.rate.comment')} value={comment} onChange={onComment} testId="manager-comment" />
      </div>
    </fieldset>
  );
}
