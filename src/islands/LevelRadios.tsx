/**
 * The radio buttons of one element's level: "0 · not yet" and one per framework level. Used by the
 * self-assessment and the manager's review, which lay them out in their own containers.
 */
import type { Translate } from '../i18n/translator.ts';

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
