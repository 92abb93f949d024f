/**
 * UI strings for keeping people's data safe, in English and Japanese (merged into ui.ts): validation
 * problems as plain sentences, saved data that could not be read (kept aside with Download / Discard),
 * and what happens to files and links made for another framework.
 */
export const safetyEn = {
  'safe.sentence': '{where}: {what}',
  'safe.join': ' › ',

  'safe.problem.too-large': 'The file is larger than {mb} MB, the most Bansō reads.',
  'safe.problem.not-text': 'The file is not text.',
  'safe.problem.not-json': 'The file is not JSON (the reader stopped here: {message}).',
  'safe.problem.wrong-format': 'must be “{expected}”; found {found}.',
  'safe.problem.no-format':
    'The file has no “format” field: it is not a Bansō assessment (those have “format”: “{expected}”).',
  'safe.problem.unknown-version': 'this Bansō reads format version {supported}; found {found}.',
  'safe.problem.no-version': 'The file has no format version; this Bansō reads version {supported}.',
  'safe.problem.expected-type': 'must be {expected}; found {found}.',
  'safe.problem.too-long': 'must be at most {max} characters.',
  'safe.problem.too-many': 'at most {max} are allowed; found {found}.',
  'safe.problem.required': 'is required; found {found}.',
  'safe.problem.number-too-small': 'must be {min} or more; found {found}.',
  'safe.problem.number-too-big': 'must be {max} or less; found {found}.',
  'safe.problem.not-id':
    'must be an id of lower-case letters, digits and dashes (e.g. “customer-health”); found {found}.',
  'safe.problem.not-hash': 'must be a short hash of lower-case letters and digits; found {found}.',
  'safe.problem.not-datetime': 'must be a date and time such as 2026-11-24T09:00:00Z; found {found}.',
  'safe.problem.not-date': 'must be a real date written YYYY-MM-DD; found {found}.',
  'safe.problem.one-of': 'must be one of {values}; found {found}.',
  'safe.problem.bad-key': 'holds the key “{key}”, which is not an id (lower-case letters, digits and dashes).',
  'safe.problem.invalid': 'is not allowed ({message}); found {found}.',
  'safe.problem.reserved-key':
    'holds the key “{key}”, which Bansō never accepts because it could change how the page works. Remove it and import again.',
  'safe.problem.level-out-of-range': 'must be a whole number from 0 to {max}; found {found}.',
  'safe.problem.too-many-removed':
    'rates {count} elements this framework does not have; at most {max} such ratings are kept.',
  'safe.problem.too-many-values':
    'The file holds more values than an assessment can have (at most {max} for this portal’s frameworks): it is refused before it is read.',
  'safe.problem.framework-mismatch': 'stored for framework “{stored}” but made for {found}.',
  'safe.problem.store-version': 'saved by team storage version {found}; this Bansō reads version {supported}.',
  'safe.problem.link-too-long': 'The link is {length} characters long; at most {max} are read.',
  'safe.problem.link-bad-key': 'The part “{text}” of the link cannot be read.',
  'safe.problem.link-missing': 'is missing from the link.',
  'safe.problem.link-undecodable': 'cannot be decoded (a broken %-sequence).',
  'safe.problem.link-not-version': 'is not a version; found {found}.',
  'safe.problem.link-name-empty': 'is empty.',
  'safe.problem.link-rating-unreadable': 'cannot read “{text}” (expected element-id.level, e.g. customer-health.3).',
  'safe.problem.link-incomplete': 'The link is incomplete.',
  'safe.problem.more': '… and {n} more problems.',
  'safe.problem.levelNoMax': 'must be a whole number, 0 or more; found {found}.',

  'safe.found.text': 'the text “{text}”',
  'safe.found.null': 'null',
  'safe.found.list': 'a list',
  'safe.found.object': 'an object',
  'safe.found.missing': 'nothing',
  'safe.type.text': 'text',
  'safe.type.number': 'a number',
  'safe.type.whole-number': 'a whole number',
  'safe.type.object': 'an object (fields in braces)',
  'safe.type.list': 'a list',
  'safe.type.boolean': 'true or false',

  'safe.where.rating': 'rating of “{name}”',
  'safe.where.snapshot': 'snapshot {n}',
  'safe.where.entry': 'team file {n}',
  'safe.where.item': 'item {n}',
  'safe.field.format': 'format',
  'safe.field.version': 'format version',
  'safe.field.person': 'person',
  'safe.field.name': 'name',
  'safe.field.role': 'current role',
  'safe.field.targetRole': 'target role',
  'safe.field.kind': 'kind (self or manager)',
  'safe.field.assessor': 'assessor',
  'safe.field.framework': 'framework',
  'safe.field.id': 'id',
  'safe.field.hash': 'structure hash',
  'safe.field.ratings': 'ratings',
  'safe.field.level': 'level',
  'safe.field.evidence': 'evidence',
  'safe.field.snapshots': 'snapshots',
  'safe.field.date': 'date',
  'safe.field.note': 'note',
  'safe.field.updatedAt': 'saved at',
  'safe.field.entries': 'team files',
  'safe.field.source': 'file name',
  'safe.field.origin': 'origin',
  'safe.field.assessment': 'assessment',
  'safe.field.savedAt': 'saved at',

  'safe.store.unreadable':
    'The saved data could not be read. It is kept unchanged under “Saved data that could not be read”: download it or discard it there. You are starting from blank.',
  'safe.store.locked':
    'The saved data could not be read and there is no room to keep a copy aside, so it stays where it is and your changes are not saved until you download or discard it under “Saved data that could not be read”.',
  'safe.kept.title': 'Saved data that could not be read',
  'safe.kept.help':
    'Bansō keeps this data exactly as it was found, apart from your current work, so nothing you do now overwrites it. Download it to keep it or to send it to whoever looks after Bansō; discard it when you no longer need it.',
  'safe.kept.item': '{what}, set aside {when} ({size})',
  'safe.kept.itemLocked': '{what}, kept in place ({size}): changes are not saved until you download or discard it',
  'safe.kept.size': '{kb} KB',
  'safe.kept.download': 'Download',
  'safe.kept.discard': 'Discard',
  'safe.kept.discardConfirm': 'Discard for good',
  'safe.kept.cancel': 'Keep it',
  'safe.kept.discarded': 'The unreadable data was discarded.',
  'safe.key.assessment': 'Self-assessment ({id})',
  'safe.key.team': 'Team review',
  'safe.key.onboarding': 'Onboarding progress ({id})',
  'safe.key.plane': 'CS Ops plane position',

  'safe.other.version':
    'Made for {framework} version {old}; the current version is {now}. Ratings are read by element id: ratings of elements that no longer exist are kept and listed, new elements show as not rated.',
  'safe.other.structure':
    'Made for {framework} version {version}, but the framework’s elements or levels have changed since without a new version number. Ratings are read by element id: ratings of elements that no longer exist are kept and listed, new elements show as not rated.',
  'safe.other.framework':
    'Made for {framework}, not {current}: Bansō switched to {framework} to show its ratings. Your {current} assessment stays saved; switch back with “Framework” above.',
  'safe.link.forFramework':
    'The link is for {framework}. Loading it switches to {framework}; your {current} assessment stays saved.',
  'safe.dup.identical':
    'Same content as “{file}” (compared after reading, so spacing and key order do not matter). “{file}” was kept because it came first; this one was not imported.',
  'safe.dup.sameTime':
    'Same person, kind and save time as “{file}” but different content: both were kept; the one imported last shows as current.',

  // Health batch: per-row warnings (keys start with "batch." so the batch page receives them)
  'batch.warn.title': '{n} rows with values outside their measure’s range',
  'batch.warn.help':
    'These rows were scored, with each such value counted as the nearest end of the range. Check the column mapping or the data.',
  'batch.warn.cell': '“{header}” is {value}, outside {measure}’s range {min}–{max}',
  'batch.csv.warnings': 'warnings',
  'batch.csv.warning': '{header}: {value} outside {min}–{max}',
} as const;

export const safetyJa: Record<keyof typeof safetyEn, string> = {
  'safe.sentence': '{where}：{what}',
  'safe.join': ' › ',

  'safe.problem.too-large': 'ファイルが{mb}MBを超えています。Bansōが読み込めるのはこの大きさまでです。',
  'safe.problem.not-text': 'ファイルがテキストではありません。',
  'safe.problem.not-json': 'ファイルがJSONではありません（読み取りが止まった箇所：{message}）。',
  'safe.problem.wrong-format': '「{expected}」である必要がありますが、{found}でした。',
  'safe.problem.no-format':
    '「format」の項目がありません。Bansōのアセスメントファイルではありません（アセスメントファイルの「format」は「{expected}」です）。',
  'safe.problem.unknown-version': 'このBansōが読める形式バージョンは{supported}ですが、{found}でした。',
  'safe.problem.no-version': '形式バージョンがありません。このBansōが読めるのはバージョン{supported}です。',
  'safe.problem.expected-type': '{expected}である必要がありますが、{found}でした。',
  'safe.problem.too-long': '{max}文字以内である必要があります。',
  'safe.problem.too-many': '最大{max}件までですが、{found}件ありました。',
  'safe.problem.required': '必須です（{found}でした）。',
  'safe.problem.number-too-small': '{min}以上である必要がありますが、{found}でした。',
  'safe.problem.number-too-big': '{max}以下である必要がありますが、{found}でした。',
  'safe.problem.not-id':
    '英小文字・数字・ハイフンのID（例：「customer-health」）である必要がありますが、{found}でした。',
  'safe.problem.not-hash': '英小文字と数字の短いハッシュである必要がありますが、{found}でした。',
  'safe.problem.not-datetime': '「2026-11-24T09:00:00Z」のような日時である必要がありますが、{found}でした。',
  'safe.problem.not-date': 'YYYY-MM-DD形式の実在する日付である必要がありますが、{found}でした。',
  'safe.problem.one-of': '{values}のいずれかである必要がありますが、{found}でした。',
  'safe.problem.bad-key': 'IDではないキー「{key}」があります（使えるのは英小文字・数字・ハイフンです）。',
  'safe.problem.invalid': '許可されていない値です（{message}）。{found}でした。',
  'safe.problem.reserved-key':
    'キー「{key}」があります。このキーはページの動作を変えるおそれがあるため、Bansōは受け付けません。削除してから読み込み直してください。',
  'safe.problem.level-out-of-range': '0から{max}までの整数である必要がありますが、{found}でした。',
  'safe.problem.too-many-removed':
    'このフレームワークにない要素を{count}件評価しています。このような評価は最大{max}件まで保持できます。',
  'safe.problem.too-many-values':
    'アセスメントとしてありえない数の値が含まれています（このポータルのフレームワークでは最大{max}個）。読み込む前に受け付けを止めました。',
  'safe.problem.framework-mismatch': 'フレームワーク「{stored}」用に保存されていますが、{found}用に作られています。',
  'safe.problem.store-version':
    'チーム保存形式のバージョン{found}で保存されています。このBansōが読めるのはバージョン{supported}です。',
  'safe.problem.link-too-long': 'リンクが{length}文字あります。読み込めるのは{max}文字までです。',
  'safe.problem.link-bad-key': 'リンクの「{text}」の部分を読み取れません。',
  'safe.problem.link-missing': 'リンクに含まれていません。',
  'safe.problem.link-undecodable': 'デコードできません（%の並びが壊れています）。',
  'safe.problem.link-not-version': 'バージョンではありません（{found}でした）。',
  'safe.problem.link-name-empty': '空です。',
  'safe.problem.link-rating-unreadable':
    '「{text}」を読み取れません（「要素ID.レベル」の形式が必要です。例：customer-health.3）。',
  'safe.problem.link-incomplete': 'リンクが途中で切れています。',
  'safe.problem.more': 'ほかに{n}件の問題があります。',
  'safe.problem.levelNoMax': '0以上の整数である必要がありますが、{found}でした。',

  'safe.found.text': '文字列「{text}」',
  'safe.found.null': 'null（空の値）',
  'safe.found.list': 'リスト',
  'safe.found.object': 'オブジェクト',
  'safe.found.missing': '値なし',
  'safe.type.text': '文字列',
  'safe.type.number': '数値',
  'safe.type.whole-number': '整数',
  'safe.type.object': 'オブジェクト（波かっこで囲んだ項目）',
  'safe.type.list': 'リスト',
  'safe.type.boolean': 'trueかfalse',

  'safe.where.rating': '「{name}」の評価',
  'safe.where.snapshot': 'スナップショット{n}',
  'safe.where.entry': 'チームのファイル{n}',
  'safe.where.item': '{n}件目',
  'safe.field.format': '形式（format）',
  'safe.field.version': '形式バージョン',
  'safe.field.person': '本人',
  'safe.field.name': '名前',
  'safe.field.role': '現在のロール',
  'safe.field.targetRole': '目標ロール',
  'safe.field.kind': '種類（本人・マネージャー）',
  'safe.field.assessor': '評価者',
  'safe.field.framework': 'フレームワーク',
  'safe.field.id': 'ID',
  'safe.field.hash': '構造ハッシュ',
  'safe.field.ratings': '評価',
  'safe.field.level': 'レベル',
  'safe.field.evidence': '根拠',
  'safe.field.snapshots': 'スナップショット',
  'safe.field.date': '日付',
  'safe.field.note': 'メモ',
  'safe.field.updatedAt': '保存日時',
  'safe.field.entries': 'チームのファイル',
  'safe.field.source': 'ファイル名',
  'safe.field.origin': '取り込み元',
  'safe.field.assessment': 'アセスメント',
  'safe.field.savedAt': '保存日時',

  'safe.store.unreadable':
    '保存されていたデータを読み込めませんでした。データはそのまま「読み込めなかった保存データ」に保管しています。そこでダウンロードするか破棄してください。新しい状態から始めます。',
  'safe.store.locked':
    '保存されていたデータを読み込めず、別に保管する空き容量もありません。データは元の場所に残し、「読み込めなかった保存データ」でダウンロードか破棄をするまで、変更は保存されません。',
  'safe.kept.title': '読み込めなかった保存データ',
  'safe.kept.help':
    'このデータは見つかったときのまま、今の作業とは別に保管しています。これからの操作で上書きされることはありません。手元に残したり担当者に送ったりするにはダウンロードし、不要になったら破棄してください。',
  'safe.kept.item': '{what}（{when}に退避、{size}）',
  'safe.kept.itemLocked': '{what}（元の場所に保管中、{size}）：ダウンロードか破棄をするまで変更は保存されません',
  'safe.kept.size': '{kb}KB',
  'safe.kept.download': 'ダウンロード',
  'safe.kept.discard': '破棄',
  'safe.kept.discardConfirm': '完全に破棄する',
  'safe.kept.cancel': '残す',
  'safe.kept.discarded': '読み込めなかったデータを破棄しました。',
  'safe.key.assessment': 'セルフアセスメント（{id}）',
  'safe.key.team': 'チームレビュー',
  'safe.key.onboarding': 'オンボーディングの進捗（{id}）',
  'safe.key.plane': 'CS Opsプレーンの現在地',

  'safe.other.version':
    '{framework}のバージョン{old}で作られています（現行は{now}）。評価は要素IDで読み取ります。なくなった要素の評価は保持して一覧に示し、新しい要素は「未評価」と表示します。',
  'safe.other.structure':
    '{framework}のバージョン{version}で作られていますが、その後バージョン番号を変えないまま要素かレベルが変わっています。評価は要素IDで読み取ります。なくなった要素の評価は保持して一覧に示し、新しい要素は「未評価」と表示します。',
  'safe.other.framework':
    '{current}ではなく{framework}用です。評価を表示するため{framework}に切り替えました。{current}のアセスメントは保存されたままです。上の「フレームワーク」で戻せます。',
  'safe.link.forFramework':
    'このリンクは{framework}用です。読み込むと{framework}に切り替わります。{current}のアセスメントは保存されたままです。',
  'safe.dup.identical':
    '「{file}」と内容が同じです（読み取った内容で比べるため、空白やキーの順序の違いは問いません）。先に読み込んだ「{file}」を残し、このファイルは取り込みませんでした。',
  'safe.dup.sameTime':
    '「{file}」と同じ人・同じ種類・同じ保存日時ですが、内容が違います。両方とも残し、最後に読み込んだほうを現在の評価として表示します。',

  'batch.warn.title': '指標の範囲外の値がある行：{n}行',
  'batch.warn.help':
    'これらの行もスコアを計算しています。範囲外の値は、範囲の近いほうの端の値として数えています。列の対応付けかデータを確認してください。',
  'batch.warn.cell': '「{header}」の値{value}は、{measure}の範囲{min}〜{max}の外です',
  'batch.csv.warnings': '警告',
  'batch.csv.warning': '{header}：{value}は範囲{min}〜{max}の外',
};
