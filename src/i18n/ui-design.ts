/** UI strings of the health model designer (/health/design/), in English and Japanese (merged into ui.ts). */
export const designEn = {
  'design.title': 'Design a health model from your data',
  'design.lead':
    'Start from any CSV of accounts with an outcome column: choose the measures, take or edit the scoring suggested from the data, fit the weights with honest cross-validation, see the backtest redraw on every change, and export the model as content YAML.',
  'design.noscript': 'The model designer needs JavaScript: the file is read and analysed in your browser.',
  'design.link': 'Design a model from your own columns',
  'design.linkBody':
    'Have an export whose columns fit no model here? Build a health model from the columns you have and test it against real outcomes.',
  'design.fromBatch': 'Columns do not fit any model? Build a model from these columns',

  'design.step.file': '1. File',
  'design.step.columns': '2. Columns',
  'design.step.coverage': '3. Missing data and coverage',
  'design.step.scoring': '4. Scoring per measure',
  'design.step.weights': '5. Weights',
  'design.step.backtest': '6. Backtest',
  'design.step.bands': '7. Bands',
  'design.step.export': '8. Export',
  'design.file.failed': '“{file}” could not be read.',

  'design.columns.help':
    'Choose what each column is: a measure read as numbers or as categories, the outcome (did the account churn?), the account id, or ignored. The guesses come from the headers and values.',
  'design.columns.column': 'Column',
  'design.columns.values': 'Most frequent values',
  'design.columns.missing': 'Empty',
  'design.columns.role': 'Use as',
  'design.columns.roleOf': 'Use of column “{column}”',
  'design.role.numeric': 'Measure (numbers)',
  'design.role.categorical': 'Measure (categories)',
  'design.role.outcome': 'Outcome',
  'design.role.account': 'Account id',
  'design.role.ignore': 'Ignore',
  'design.outcome.which': 'Which values of “{column}” mean the account churned?',
  'design.outcome.counts':
    '{churned} churned, {renewed} renewed (every other value), {unknown} with no outcome (left out).',
  'design.needOutcome': 'Choose the outcome column to continue.',
  'design.needMeasure': 'Choose at least one measure column.',
  'design.build': 'Suggest a scoring for these columns',
  'design.rebuild': 'Suggest the scoring again for these columns (replaces your edits)',

  'design.issue.too-few-rows': 'Only {rows} accounts have an outcome; at least {min} are needed to design a model.',
  'design.issue.one-class':
    'Every account has the same outcome ({churned} churned, {renewed} renewed): nothing can be learnt about churn. Check which values mean churn, or use a file with both outcomes.',
  'design.issue.few-churned':
    'Only {churned} accounts churned (fewer than {min}): treat every suggestion and AUC as a rough guess.',
  'design.issue.no-churn-label': 'Tick the values of the outcome column that mean the account churned.',
  'design.issue.constant':
    'Column “{column}” has the same value in every row: it cannot tell accounts apart. Ignore it.',
  'design.issue.mostly-missing':
    'Column “{column}” is empty in {missing} of the rows: scores will rest on the other measures for most accounts.',
  'design.issue.duplicate-ids':
    '{n} rows repeat an account id already seen (for example {examples}): the same account would count more than once.',
  'design.issue.leakage':
    'Column “{column}” tells the outcome almost exactly (AUC {auc} on its own): it is probably the outcome copied, or written after the account churned. A health score cannot know it beforehand; ignore this column.',

  'design.coverage.rule':
    'Before any score: a measure with no value in a row is left out and its weight is shared among the measures that have one. When the measures with a value carry less than the minimum coverage of the total weight, the row reads “insufficient data” instead of a score, and the backtest leaves it out.',
  'design.coverage.min': 'Minimum coverage (% of the weight)',
  'design.coverage.share': 'With these measures and weights, {n} rows ({share}) would read “insufficient data”.',

  'design.scoring.help':
    'Each measure turns its value into 0–100 points. The suggestion comes from this file; every number can be changed. A changed scoring is kept as you set it.',
  'design.measure.labelEn': 'Label (English)',
  'design.measure.labelJa': 'Label (Japanese)',
  'design.measure.method': 'Scoring',
  'design.measure.direction': 'Better values are',
  'design.method.quantile-tiers': 'Tiers at the quartiles',
  'design.method.linear': 'Straight line (5th–95th percentile)',
  'design.direction.higher': 'higher',
  'design.direction.lower': 'lower',
  'design.measure.edited': 'Set by hand: the help text will say so.',
  'design.tier.atLeast': 'Tier {n}: at least',
  'design.tier.atMost': 'Tier {n}: at most',
  'design.tier.points': 'points',
  'design.tier.otherwise': 'Otherwise, points',
  'design.linear.zeroAt': '0 points at',
  'design.linear.fullAt': '100 points at',
  'design.measure.moreCategories': '{n} more categories keep their suggested points.',
  'design.measure.min': 'Valid from',
  'design.measure.max': 'Valid to',
  'design.measure.rangeHelp': 'Values outside this range are listed below as out of range.',

  'design.rows.title': 'Rows with missing, unreadable or out-of-range values',
  'design.rows.none': 'Every row has a readable value for every measure.',
  'design.rows.summary': '{n} rows have missing, unreadable or out-of-range values',
  'design.rows.what': 'What is wrong',
  'design.rows.missing': 'No value for {measures}.',
  'design.rows.unreadable': '“{value}” in {measure} is not a number (counted as no value).',
  'design.rows.outOfRange': '{measure} = {value} is outside {min}–{max}.',
  'design.rows.more': '{n} more rows are not shown.',

  'design.weights.measures': 'Weight of each measure',
  'design.weights.groups': 'Groups',
  'design.weights.measure': 'Measure',
  'design.weights.group': 'Group',
  'design.weights.groupOf': 'Group of {measure}',
  'design.weights.weight': 'Weight',
  'design.weights.weightOf': 'Weight of {measure}',
  'design.weights.share': 'Share of the score',
  'design.weights.suggested': 'Suggested',
  'design.weights.groupEn': 'Group (English)',
  'design.weights.groupJa': 'Group (Japanese)',
  'design.weights.addGroup': 'Add a group',

  'design.fit.title': 'Suggest weights from the data',
  'design.fit.explain':
    'Fits a logistic regression of churn on the measures’ points (with an L2 penalty, so no measure gets an extreme weight) and turns its coefficients into weights. Its AUC is measured by 5-fold cross-validation: each fifth of the accounts is scored by weights fitted on the other four fifths only, and the suggestions of scoring are derived again on those four fifths. Your current weights are scored on the same folds.',
  'design.fit.seed': 'Seed of the folds',
  'design.fit.run': 'Suggest weights',
  'design.fit.progress': 'Fitting and cross-validating',
  'design.fit.steps': 'Step {done} of {total} ({pct})',
  'design.fit.cancelled': 'Weight suggestion cancelled. Nothing was changed.',
  'design.fit.failed': 'The weights could not be fitted.',
  'design.fit.fewChurned':
    'Only {n} churned accounts (fewer than {min}): the suggested weights and their AUC are too uncertain to trust.',
  'design.fit.summary':
    'Out-of-sample AUC over {k} folds (seed {seed}): suggested weights {suggested}, your current weights {current}.',
  'design.fit.caption': 'AUC on each held-out fold',
  'design.fit.fold': 'Fold',
  'design.fit.train': 'Fitted on',
  'design.fit.test': 'Tested on',
  'design.fit.aucSuggested': 'Suggested weights',
  'design.fit.aucCurrent': 'Current weights',
  'design.fit.mean': 'Mean',
  'design.fit.wrongSign':
    'In the fit, more points went with more churn for: {measures} (marked *). They get the smallest weight; check their direction or leave them out.',
  'design.fit.honest':
    'These AUCs are out-of-sample. The backtest below is in-sample: it scores the same rows the scoring and weights were chosen on, so it looks better than new accounts will.',
  'design.fit.apply': 'Use the suggested weights',
  'design.fit.applied':
    'The suggested weights are in use. The “current weights” column shows the weights you had before.',
  'design.fit.stale':
    'The design changed since these figures were computed: run the suggestion again to compare with the current weights.',

  'design.bt.inSample':
    'In-sample: scored on the rows of {file}, the same rows the scoring was chosen on. Check the model again on accounts it has not seen (a later export) before relying on it.',
  'design.bt.ci': '95 % confidence interval {lower}–{upper} (DeLong).',
  'design.bt.noCi': 'No interval: it needs at least two churned and two renewed accounts with a score.',
  'design.bt.lowest': 'Precision of {band}',
  'design.bt.lowestExplain':
    '{precision} of the {n} accounts in red churned; red caught {recall} of all churned accounts (recall).',
  'design.bt.lift': 'Lift in the riskiest 10 %',
  'design.bt.liftExplain': 'The {n} lowest-scored accounts churned at {rate}, against {overall} overall.',
  'design.bt.used': '{n} accounts in the backtest ({churned} churned); {insufficient} left out with insufficient data.',
  'design.bt.churnByBand': 'Churn rate per band',
  'design.bt.rateAxis': 'Churn rate (%)',
  'design.bt.rocSummary':
    'AUC {auc}: the curve shows churned accounts caught against renewed accounts flagged, for every score threshold.',
  'design.band.red': 'Red',
  'design.band.yellow': 'Yellow',
  'design.band.green': 'Green',

  'design.bands.help':
    'Red should hold the accounts most likely to churn, without flagging so many that nobody can act. The suggestion picks the red threshold that best separates churned from renewed accounts (holding at least 5 % and at most half of the accounts), and a green threshold above it the same way.',
  'design.bands.yellowMin': 'Yellow from (score)',
  'design.bands.greenMin': 'Green from (score)',
  'design.bands.suggest': 'Suggest bands from the data',
  'design.bands.caption': 'What a threshold would have caught: accounts scoring below it',
  'design.bands.below': 'Below',
  'design.bands.caught': 'Churned caught',
  'design.bands.lift': 'Lift',
  'design.bands.falseAlarm': 'Renewed flagged',
  'design.bands.current': 'current',

  'design.export.help':
    'Download the model as YAML and save it as content/healthModels/<id>.yaml in the portal’s content; `npm run content:check` validates it. Labels are in both languages; each measure’s help text says how its thresholds were chosen, on which file and date.',
  'design.export.id': 'Model id (file name)',
  'design.export.nameEn': 'Name (English)',
  'design.export.nameJa': 'Name (Japanese)',
  'design.export.download': 'Download {file}',
  'design.export.preview': 'Show the YAML',
  'design.export.previewLabel': 'YAML of the model',
  'design.export.stale': 'The design changed since this YAML was made: show it again.',
  'design.export.blocked': 'Fix the problems listed above before exporting.',

  'design.problem.tiers-order':
    '{measure}: tiers must go from the best value down, each threshold past the one before.',
  'design.problem.ramp-equal': '{measure}: the 0-point and 100-point values must differ and follow the direction.',
  'design.problem.weight': '{measure}: the weight must be a positive number.',
  'design.problem.group-weight': 'Group “{group}”: the weight must be a positive number.',
  'design.problem.points': '{measure}: points must be between 0 and 100.',
  'design.problem.bands-order': 'Bands: green must start above yellow, both between 1 and 100.',
  'design.problem.range': '{measure}: “valid from” must be below “valid to”.',
  'design.problem.id': 'The model id may hold only lower-case letters, digits and single dashes.',
  'design.problem.name': 'The model needs a name in English and in Japanese.',
  'design.problem.label': '{measure}: the label is needed in English and in Japanese.',
  'design.problem.coverage': 'The minimum coverage must be between 0 and 100 %.',
} as const;

export const designJa: Record<keyof typeof designEn, string> = {
  'design.title': '自社データからヘルススコアのモデルを作る',
  'design.lead':
    '結果（解約か更新か）の列があれば、どんな顧客CSVからでも始められます。指標を選び、データから提案された配点を採用または修正し、交差検証で重みを推定し、変更のたびにバックテストを確認して、モデルをコンテンツ用のYAMLとして書き出します。',
  'design.noscript': 'モデル設計画面にはJavaScriptが必要です。ファイルはブラウザーの中で読み込み、分析します。',
  'design.link': '手元の列からモデルを作る',
  'design.linkBody':
    'エクスポートの列がどのモデルにも合わない場合は、手元の列からヘルススコアのモデルを作り、実際の結果で検証できます。',
  'design.fromBatch': '列がどのモデルにも合わない場合は、この列からモデルを作る',

  'design.step.file': '1. ファイル',
  'design.step.columns': '2. 列',
  'design.step.coverage': '3. 欠損データとカバー率',
  'design.step.scoring': '4. 指標ごとの配点',
  'design.step.weights': '5. 重み',
  'design.step.backtest': '6. バックテスト',
  'design.step.bands': '7. バンド',
  'design.step.export': '8. 書き出し',
  'design.file.failed': '「{file}」を読み込めませんでした。',

  'design.columns.help':
    '各列の使い方を選んでください。数値または区分として読む指標、結果（顧客が解約したか）、アカウントID、使わない列のいずれかです。初期値は見出しと値から推測しています。',
  'design.columns.column': '列',
  'design.columns.values': '多い値',
  'design.columns.missing': '空欄',
  'design.columns.role': '使い方',
  'design.columns.roleOf': '列「{column}」の使い方',
  'design.role.numeric': '指標（数値）',
  'design.role.categorical': '指標（区分）',
  'design.role.outcome': '結果',
  'design.role.account': 'アカウントID',
  'design.role.ignore': '使わない',
  'design.outcome.which': '「{column}」のどの値が解約を表しますか。',
  'design.outcome.counts': '解約{churned}件、更新{renewed}件（それ以外の値）、結果なし{unknown}件（対象外）です。',
  'design.needOutcome': '続けるには結果の列を選んでください。',
  'design.needMeasure': '指標の列を1つ以上選んでください。',
  'design.build': 'この列で配点を提案する',
  'design.rebuild': 'この列で配点を提案し直す（修正は破棄されます）',

  'design.issue.too-few-rows': '結果のある顧客が{rows}件しかありません。モデルを作るには{min}件以上必要です。',
  'design.issue.one-class':
    'すべての顧客の結果が同じです（解約{churned}件、更新{renewed}件）。これでは解約について何もわかりません。解約を表す値の選択を確認するか、両方の結果を含むファイルを使ってください。',
  'design.issue.few-churned':
    '解約した顧客が{churned}件しかありません（{min}件未満）。提案やAUCはおおよその目安として扱ってください。',
  'design.issue.no-churn-label': '結果の列で、解約を表す値にチェックを付けてください。',
  'design.issue.constant':
    '列「{column}」はすべての行で同じ値です。顧客の違いを表せないため、使わない列にしてください。',
  'design.issue.mostly-missing':
    '列「{column}」は{missing}の行で空欄です。多くの顧客で、スコアは他の指標だけで決まります。',
  'design.issue.duplicate-ids':
    '{n}行が既出のアカウントIDを繰り返しています（例：{examples}）。同じ顧客が複数回数えられます。',
  'design.issue.leakage':
    '列「{column}」だけで結果がほぼ正確にわかります（単独でAUC {auc}）。結果をコピーした列か、解約後に記録された列の可能性が高く、ヘルススコアが事前に知ることはできません。この列は使わないでください。',

  'design.coverage.rule':
    'スコアの前に：値のない指標はその行の計算から外し、その重みを値のある指標に配分し直します。値のある指標の重みが全体の最低カバー率を下回る行は、スコアの代わりに「データ不足」と表示し、バックテストの対象からも外します。',
  'design.coverage.min': '最低カバー率（重みの%）',
  'design.coverage.share': 'この指標と重みでは、{n}行（{share}）が「データ不足」になります。',

  'design.scoring.help':
    '各指標は値を0〜100点に換算します。提案はこのファイルから計算したもので、すべての数値を変更できます。変更した配点は設定どおりに保たれます。',
  'design.measure.labelEn': 'ラベル（英語）',
  'design.measure.labelJa': 'ラベル（日本語）',
  'design.measure.method': '配点方法',
  'design.measure.direction': '良い値は',
  'design.method.quantile-tiers': '四分位点で段階分け',
  'design.method.linear': '直線（5〜95パーセンタイル）',
  'design.direction.higher': '大きいほう',
  'design.direction.lower': '小さいほう',
  'design.measure.edited': '手動で設定しました。ヘルプ文にもその旨が書かれます。',
  'design.tier.atLeast': '段階{n}：この値以上',
  'design.tier.atMost': '段階{n}：この値以下',
  'design.tier.points': '点',
  'design.tier.otherwise': 'それ以外の点',
  'design.linear.zeroAt': '0点になる値',
  'design.linear.fullAt': '100点になる値',
  'design.measure.moreCategories': 'ほかの{n}区分は提案どおりの点数です。',
  'design.measure.min': '有効範囲（下限）',
  'design.measure.max': '有効範囲（上限）',
  'design.measure.rangeHelp': 'この範囲外の値は、下の一覧に範囲外として表示します。',

  'design.rows.title': '値が欠けている、読めない、または範囲外の行',
  'design.rows.none': 'すべての行で、すべての指標の値を読み取れました。',
  'design.rows.summary': '値が欠けている、読めない、または範囲外の行が{n}行あります',
  'design.rows.what': '内容',
  'design.rows.missing': '{measures}の値がありません。',
  'design.rows.unreadable': '{measure}の「{value}」は数値ではありません（値なしとして扱います）。',
  'design.rows.outOfRange': '{measure}＝{value}は{min}〜{max}の範囲外です。',
  'design.rows.more': 'ほかの{n}行は表示していません。',

  'design.weights.measures': '指標ごとの重み',
  'design.weights.groups': 'グループ',
  'design.weights.measure': '指標',
  'design.weights.group': 'グループ',
  'design.weights.groupOf': '{measure}のグループ',
  'design.weights.weight': '重み',
  'design.weights.weightOf': '{measure}の重み',
  'design.weights.share': 'スコアに占める割合',
  'design.weights.suggested': '提案',
  'design.weights.groupEn': 'グループ（英語）',
  'design.weights.groupJa': 'グループ（日本語）',
  'design.weights.addGroup': 'グループを追加',

  'design.fit.title': 'データから重みを提案する',
  'design.fit.explain':
    '各指標の点数で解約を説明するロジスティック回帰（極端な重みを避けるL2正則化付き）を当てはめ、その係数を重みに換算します。AUCは5分割交差検証で測ります。顧客の5分の1ずつを、残り5分の4だけで推定した重みで採点し、配点の提案もその5分の4で計算し直します。現在の重みも同じ分割で採点します。',
  'design.fit.seed': '分割のシード',
  'design.fit.run': '重みを提案する',
  'design.fit.progress': '推定と交差検証を実行中',
  'design.fit.steps': '{total}ステップ中{done}（{pct}）',
  'design.fit.cancelled': '重みの提案を中止しました。何も変更していません。',
  'design.fit.failed': '重みを推定できませんでした。',
  'design.fit.fewChurned':
    '解約した顧客が{n}件しかありません（{min}件未満）。提案された重みとAUCは不確かで、信頼できません。',
  'design.fit.summary':
    '{k}分割のサンプル外AUC（シード{seed}）：提案した重みは{suggested}、現在の重みは{current}です。',
  'design.fit.caption': '検証用に外した各分割でのAUC',
  'design.fit.fold': '分割',
  'design.fit.train': '推定に使った件数',
  'design.fit.test': '検証した件数',
  'design.fit.aucSuggested': '提案した重み',
  'design.fit.aucCurrent': '現在の重み',
  'design.fit.mean': '平均',
  'design.fit.wrongSign':
    '推定では、次の指標は点数が高いほど解約が多くなりました：{measures}（*印）。最小の重みにしています。向きを確認するか、指標から外してください。',
  'design.fit.honest':
    'これらのAUCはサンプル外の値です。下のバックテストはサンプル内の値で、配点と重みを決めたのと同じ行を採点しているため、新しい顧客での結果より良く見えます。',
  'design.fit.apply': '提案した重みを使う',
  'design.fit.applied': '提案した重みを使用中です。「現在の重み」の列は、適用前の重みの結果です。',
  'design.fit.stale': 'この数値の計算後に設計が変わりました。現在の重みと比べるには、もう一度提案を実行してください。',

  'design.bt.inSample':
    'サンプル内の結果です。{file}の行、つまり配点を決めたのと同じ行で採点しています。運用の前に、モデルが見ていない顧客（後日のエクスポート）でもう一度確認してください。',
  'design.bt.ci': '95%信頼区間：{lower}〜{upper}（DeLong法）。',
  'design.bt.noCi': '区間は計算できません。スコアのある解約顧客と更新顧客がそれぞれ2件以上必要です。',
  'design.bt.lowest': '{band}の適合率',
  'design.bt.lowestExplain':
    'レッドの{n}件のうち{precision}が解約しました。解約した顧客全体の{recall}をレッドで捉えています（再現率）。',
  'design.bt.lift': 'リスク上位10%のリフト',
  'design.bt.liftExplain': 'スコアが最も低い{n}件の解約率は{rate}で、全体は{overall}です。',
  'design.bt.used': 'バックテストの対象は{n}件（うち解約{churned}件）です。データ不足の{insufficient}件は対象外です。',
  'design.bt.churnByBand': 'バンドごとの解約率',
  'design.bt.rateAxis': '解約率（%）',
  'design.bt.rocSummary':
    'AUC {auc}。曲線は、スコアのしきい値ごとに、捉えた解約顧客と誤って警告した更新顧客の割合を示します。',
  'design.band.red': 'レッド',
  'design.band.yellow': 'イエロー',
  'design.band.green': 'グリーン',

  'design.bands.help':
    'レッドには最も解約しそうな顧客を入れますが、対応しきれないほど多くしてはいけません。提案では、解約顧客と更新顧客を最もよく分けるレッドのしきい値（顧客の5%以上、半分以下）を選び、その上のグリーンのしきい値も同じ考え方で選びます。',
  'design.bands.yellowMin': 'イエローの下限（スコア）',
  'design.bands.greenMin': 'グリーンの下限（スコア）',
  'design.bands.suggest': 'データからバンドを提案する',
  'design.bands.caption': 'しきい値ごとに捉えられた顧客（しきい値未満のスコア）',
  'design.bands.below': '未満',
  'design.bands.caught': '捉えた解約',
  'design.bands.lift': 'リフト',
  'design.bands.falseAlarm': '警告した更新顧客',
  'design.bands.current': '現在',

  'design.export.help':
    'モデルをYAMLでダウンロードし、ポータルのコンテンツにcontent/healthModels/<id>.yamlとして保存してください。`npm run content:check`で検証できます。ラベルは英語と日本語の両方で、各指標のヘルプ文には、しきい値をどのファイルでいつ、どう決めたかが書かれます。',
  'design.export.id': 'モデルID（ファイル名）',
  'design.export.nameEn': '名前（英語）',
  'design.export.nameJa': '名前（日本語）',
  'design.export.download': '{file}をダウンロード',
  'design.export.preview': 'YAMLを表示',
  'design.export.previewLabel': 'モデルのYAML',
  'design.export.stale': 'このYAMLの作成後に設計が変わりました。もう一度表示してください。',
  'design.export.blocked': '書き出す前に、上に挙げた問題を直してください。',

  'design.problem.tiers-order':
    '{measure}：段階は最も良い値から順に並べ、しきい値は前の段階を越えないようにしてください。',
  'design.problem.ramp-equal': '{measure}：0点と100点の値は異なり、向きに合っている必要があります。',
  'design.problem.weight': '{measure}：重みは正の数にしてください。',
  'design.problem.group-weight': 'グループ「{group}」：重みは正の数にしてください。',
  'design.problem.points': '{measure}：点数は0〜100にしてください。',
  'design.problem.bands-order': 'バンド：グリーンはイエローより上から始まり、どちらも1〜100の間にしてください。',
  'design.problem.range': '{measure}：有効範囲の下限は上限より小さくしてください。',
  'design.problem.id': 'モデルIDには英小文字、数字、1つずつのハイフンだけを使えます。',
  'design.problem.name': 'モデルには英語と日本語の名前が必要です。',
  'design.problem.label': '{measure}：ラベルは英語と日本語の両方が必要です。',
  'design.problem.coverage': '最低カバー率は0〜100%にしてください。',
};
