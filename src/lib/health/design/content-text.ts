/**
 * The bilingual prose a designed model carries into content: how each measure's thresholds were
 * chosen, on which file and date (measure help), what each band means and who hears about it, and
 * the model summary. Generated from the numbers the suggestions were based on. Pure.
 */
import type { Design, DesignMeasure, Bilingual } from './design.ts';
import type { CategorySuggestion, DesignScoring, NumericSuggestion } from './suggest.ts';
import { formatNumber } from '../../text/number.ts';

// Written without Intl (formatNumber): a formatter made when this module loads would load the ICU
// number data during the designer's first load. Both languages write numbers alike.
const num = (x: number): string => formatNumber(x, 'en', 3);
const pctEn = (x: number | null): string => (x === null ? 'n/a' : `${(Math.round(x * 1000) / 10).toFixed(1)} %`);
const pctJa = (x: number | null): string => (x === null ? '不明' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

/** The scoring in a few words: "≥ 5 = 100 points, ≥ 3 = 67, otherwise 0". */
export function scoringWords(s: DesignScoring, direction: 'higher' | 'lower'): Bilingual {
  if (s.kind === 'tiers') {
    const op = direction === 'higher' ? '≥' : '≤';
    const opJa = direction === 'higher' ? '以上' : '以下';
    return {
      en: `${s.tiers.map((t, i) => `${op} ${num(t.at)} = ${t.points}${i === 0 ? ' points' : ''}`).join(', ')}, otherwise ${s.otherwise}.`,
      ja: `${s.tiers.map((t) => `${num(t.at)}${opJa}で${t.points}点`).join('、')}、それ以外は${s.otherwise}点です。`,
    };
  }
  if (s.kind === 'linear') {
    return {
      en: `0 points at ${num(s.zeroAt)}, 100 points at ${num(s.fullAt)}, a straight line in between.`,
      ja: `${num(s.zeroAt)}で0点、${num(s.fullAt)}で100点、その間は直線で配点します。`,
    };
  }
  const entries = Object.entries(s.points);
  return {
    en: `${entries.map(([k, p]) => `“${k}” = ${p}`).join(', ')} points.`,
    ja: `${entries.map(([k, p]) => `「${k}」${p}点`).join('、')}です。`,
  };
}

/** Why a numeric suggestion looks the way it does, in one sentence per language. */
export function whyNumeric(s: NumericSuggestion): Bilingual {
  const e = s.evidence;
  const how: Bilingual =
    s.method === 'quantile-tiers'
      ? {
          en: `Tiers at the quartiles of the column (${s.cuts.map(num).join(', ')})`,
          ja: `列の四分位点（${s.cuts.map(num).join('、')}）で段階を分け`,
        }
      : {
          en: `A straight line from the 5th to the 95th percentile (${s.cuts.map(num).join(' to ')})`,
          ja: `5パーセンタイルから95パーセンタイル（${s.cuts.map(num).join('〜')}）まで直線で配点し`,
        };
  if (e.unclear) {
    return {
      en: `${how.en}; higher values count as better by default, because churn barely differed between the lowest quarter (${pctEn(e.lowRate)}) and the highest (${pctEn(e.highRate)}).`,
      ja: `${how.ja}ました。下位25%（解約率${pctJa(e.lowRate)}）と上位25%（${pctJa(e.highRate)}）で解約率にほとんど差がないため、値が大きいほど良いとする既定の向きにしています。`,
    };
  }
  const better = s.direction === 'higher';
  return {
    en: `${how.en}; ${better ? 'higher' : 'lower'} values are better because accounts in the lowest quarter of values (≤ ${num(e.q25)}) churned at ${pctEn(e.lowRate)} against ${pctEn(e.highRate)} in the highest quarter (≥ ${num(e.q75)}).`,
    ja: `${how.ja}ました。値が下位25%（${num(e.q25)}以下）の顧客の解約率は${pctJa(e.lowRate)}、上位25%（${num(e.q75)}以上）は${pctJa(e.highRate)}だったため、値が${better ? '大きい' : '小さい'}ほど良いとしています。`,
  };
}

export function whyCategory(s: CategorySuggestion): Bilingual {
  const pooled = s.pooled.length
    ? {
        en: ` Categories with fewer than ${s.minCount} accounts (${s.pooled.slice(0, 5).join(', ')}${s.pooled.length > 5 ? ', …' : ''}) are pooled and share one rate.`,
        ja: `顧客数が${s.minCount}未満のカテゴリ（${s.pooled.slice(0, 5).join('、')}${s.pooled.length > 5 ? '、…' : ''}）はまとめて1つの解約率で配点しています。`,
      }
    : { en: '', ja: '' };
  return {
    en: `Points from each category's churn rate: the lowest rate gets 100 points, the highest 0, the others in proportion.${pooled.en}`,
    ja: `カテゴリごとの解約率から配点しています。解約率が最も低いカテゴリを100点、最も高いカテゴリを0点とし、その間は比例させています。${pooled.ja}`,
  };
}

/** The measure's help text: the column and file it came from, why its scoring is what it is, and the scoring itself. */
export function measureHelp(d: Design, m: DesignMeasure): Bilingual {
  const src = d.source;
  const words = scoringWords(m.scoring, m.direction);
  const why: Bilingual =
    m.suggested && m.why
      ? m.why
      : { en: 'Thresholds set by hand in the model designer.', ja: 'しきい値はモデル設計画面で手動で設定しました。' };
  return {
    en: `Column “${m.header}” of ${src.file} (${num(src.rows)} accounts, ${src.date}). ${why.en} ${words.en}`,
    ja: `${src.file}（${src.rows}件、${src.date}）の列「${m.header}」です。${why.ja}${words.ja}`,
  };
}

const BAND: Record<
  'red' | 'yellow' | 'green',
  { label: Bilingual; meaning: Bilingual; notify: Bilingual; cadence: Bilingual }
> = {
  red: {
    label: { en: 'Red', ja: 'レッド' },
    meaning: {
      en: 'The lowest scores: in the data this model was designed on, these accounts churned most often.',
      ja: '最も低いスコアです。モデル設計に使ったデータでは、このバンドの顧客が最も多く解約しました。',
    },
    notify: { en: 'The account’s CSM and their CS lead.', ja: '担当CSMとCSリード。' },
    cadence: { en: 'Weekly.', ja: '毎週。' },
  },
  yellow: {
    label: { en: 'Yellow', ja: 'イエロー' },
    meaning: {
      en: 'Middle scores: churn close to the average of the data.',
      ja: '中間のスコアです。解約率はデータ全体の平均に近い水準です。',
    },
    notify: { en: 'The account’s CSM.', ja: '担当CSM。' },
    cadence: { en: 'Every two weeks.', ja: '2週間ごと。' },
  },
  green: {
    label: { en: 'Green', ja: 'グリーン' },
    meaning: {
      en: 'The highest scores: in the data, these accounts churned least often.',
      ja: '最も高いスコアです。データでは、このバンドの顧客の解約が最も少なくなっています。',
    },
    notify: {
      en: 'No one; the CSM sees it in the regular account review.',
      ja: '通知はありません。担当CSMが定例のアカウントレビューで確認します。',
    },
    cadence: { en: 'Monthly.', ja: '毎月。' },
  },
};

export const bandTexts = {
  band(d: Design, id: 'red' | 'yellow' | 'green') {
    const b = BAND[id];
    const meaning =
      id === 'red' && d.bandWhy
        ? { en: `${b.meaning.en} ${d.bandWhy.en}`, ja: `${b.meaning.ja}${d.bandWhy.ja}` }
        : b.meaning;
    return { label: { ...b.label }, meaning, notify: { ...b.notify }, cadence: { ...b.cadence } };
  },
  summary(d: Design): Bilingual {
    const bands = d.bands.map((b, i) => `${b.min}–${i + 1 < d.bands.length ? d.bands[i + 1].min - 1 : 100}`);
    return {
      en: `Designed in the model designer from ${d.source.file} (${num(d.source.rows)} accounts, ${d.source.date}): ${d.measures.length} measures in ${new Set(d.measures.map((m) => m.group)).size} groups, each turned into 0–100 points. Red is ${bands[0]}, yellow ${bands[1]}, green ${bands[2]}. A measure with no data is left out and its weight shared among the others; below ${Math.round(d.minCoverage * 100)} % coverage the score reads “insufficient data”. Backtest it again on newer accounts before relying on it.`,
      ja: `モデル設計画面で${d.source.file}（${d.source.rows}件、${d.source.date}）から作成したモデルです。${d.measures.length}個の指標（${new Set(d.measures.map((m) => m.group)).size}グループ）をそれぞれ0〜100点に換算します。レッドは${bands[0]}点、イエローは${bands[1]}点、グリーンは${bands[2]}点です。データのない指標は計算から外し、その重みを残りの指標に配分し直します。データのある指標の重みが${Math.round(d.minCoverage * 100)}%を下回る場合は「データ不足」と表示します。運用の前に、新しい顧客データでもう一度バックテストしてください。`,
    };
  },
};
