/** One scenario's score, band (mark and name, never colour alone), coverage and override count. */
import type { Translate } from '../../i18n/index.ts';
import type { ClientHealthModel } from '../../lib/health/client-models.ts';
import type { ScoreResult } from '../../lib/health/score.ts';
import { BandMark } from './BandMark.tsx';
import { pct1, score1 } from './format.ts';

export function ScoreCard({
  cm,
  result,
  title,
  testId,
  t,
}: {
  cm: ClientHealthModel;
  result: ScoreResult;
  title: string;
  testId: string;
  t: Translate;
}) {
  const band = result.band ? cm.bands[result.band.index] : null;
  return (
    <div
      className={`score-card${band ? ` band-${band.id}` : ' band-none'}`}
      data-testid={testId}
      data-band={band?.id ?? 'none'}
    >
      <h3>{title}</h3>
      <p className="score-number">
        {result.score === null ? (
          <span className="score-none">{t('healthSim.noScore')}</span>
        ) : (
          <>
            <span data-testid={`${testId}-value`}>{score1(result.score)}</span>
            <span className="score-max"> / 100</span>
          </>
        )}
      </p>
      <p className="band-line">
        {band ? (
          <>
            <BandMark index={result.band!.index} count={cm.bands.length} colour={band.colour} />
            <span className="band-label" data-testid={`${testId}-band`}>
              {band.label}
            </span>
          </>
        ) : (
          <span className="band-label" data-testid={`${testId}-band`}>
            {t('healthSim.insufficient')}
          </span>
        )}
      </p>
      <p className="coverage" data-testid={`${testId}-coverage`}>
        {t('healthSim.coverage', { pct: pct1(result.coverage) })}
      </p>
      {result.overridesApplied.length > 0 && (
        <p className="override-flag">
          <span className="badge badge-warn">{t('healthSim.overridesN', { n: result.overridesApplied.length })}</span>
        </p>
      )}
    </div>
  );
}
