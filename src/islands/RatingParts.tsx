/**
 * The parts of one element's rating that the self-assessment and the manager's review share: the level
 * radios ("0 · not yet" and one per framework level), a level's descriptor, every level's descriptor
 * on demand, and the evidence field. Each island lays them out in its own containers.
 */
import { useState } from 'react';
import type { Translate } from '../i18n/translator.ts';
import { MAX_EVIDENCE } from '../schemas/assessment-constants.ts';

export function LevelRadios(props: {
  name: string;
  value: number | null | undefined;
  levels: readonly { level: number; name: string }[];
  onRate: (level: number) => void;
  t: Translate;
}) {
  const { name, value, levels, onRate, t } = props;
  return (
    <>
      <label>
        <input type="radio" name={name} value="0" checked={value === 0} onChange={() => onRate(0)} /> 0 ·{' '}
        {t('assess.level0')}
      </label>
      {levels.map((l) => (
        <label key={l.level}>
          <input
            type="radio"
            name={name}
            value={l.level}
            checked={value === l.level}
            onChange={() => onRate(l.level)}
          />{' '}
          {l.level} · {l.name}
        </label>
      ))}
    </>
  );
}

/** One level's descriptor: "Level 2: …". */
export function LevelDescriptor({ level, descriptor, t }: { level: number; descriptor: string; t: Translate }) {
  return (
    <p className="descriptor">
      <strong>{t('common.levelN', { n: level })}:</strong> {descriptor}
    </p>
  );
}

/** Every level's descriptor behind `summary`. The list renders only when opened: a lighter page to hydrate. */
export function LevelDescriptors(props: {
  summary: string;
  levels: readonly { level: number; descriptor: string }[];
  t: Translate;
}) {
  const { summary, levels, t } = props;
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {open && (
        <dl className="level-list">
          {levels.map((l) => (
            <div key={l.level}>
              <dt>{t('common.levelN', { n: l.level })}</dt>
              <dd>{l.descriptor}</dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}

/** The evidence (or comment) text field of one element. */
export function EvidenceField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  testId?: string;
}) {
  const { label, value, onChange, placeholder, testId } = props;
  return (
    <label className="evidence">
      {label}
      <textarea
        rows={2}
        maxLength={MAX_EVIDENCE}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        data-testid={testId}
      />
    </label>
  );
}
