/** UI strings of the review cycle (manager review, 1:1, agreed records, goals), in English and Japanese (merged into ui.ts). */
export const reviewEn = {
  'nav.review': 'Manager review',
  'review.title': 'Manager review and 1:1',
  'review.lead':
    'Open a member’s self-assessment file or share link, give your own rating per element, then hold the 1:1: agree the levels, set goals for the next cycle and keep the agreed record.',
  'review.noscript': 'The manager review needs JavaScript.',
  'review.privacy': 'Everything stays in this browser, one review per member. Nothing is uploaded.',

  'review.open.title': 'Open a self-assessment',
  'review.open.help':
    'Open the file your member exported from the self-assessment (or your own review file or an agreed record of a member you already opened), or paste the share link they sent.',
  'review.open.file': 'Open a file',
  'review.open.link': 'Share link',
  'review.open.linkButton': 'Open link',
  'review.open.opened': 'Opened the self-assessment of {name}.',
  'review.open.same': 'This is the self-assessment you already have for {name}.',
  'review.open.newer': 'Updated {name}’s self-assessment to the newer file. Your ratings and the 1:1 are kept.',
  'review.open.older': 'This file of {name} is older than the one you have: nothing was changed.',
  'review.open.manager': 'Opened your review of {name}.',
  'review.open.agreed': 'Added the agreed record of {date} for {name}.',
  'review.open.failed': 'Could not open “{file}”. Nothing saved was changed.',

  'review.problem.link': 'The share link cannot be read.',
  'review.problem.unknown-framework': 'The file is for framework “{id}”, which this portal does not have.',
  'review.problem.other-version':
    'The file was made against version {version} of the framework; this portal has {current}. Ask the member to open it in the self-assessment and export it again.',
  'review.problem.out-of-scale':
    'The file has levels above the framework’s scale (1–{max}): {list}. It may have been edited by hand.',
  'review.problem.unknown-elements':
    'The file rates elements this framework does not have: {list}. It may have been edited by hand.',
  'review.problem.not-opened':
    'This file is {kind} for {name}, whose self-assessment you have not opened. Open their self-assessment first.',
  'review.problem.other-member':
    'This file is for {name}, but you are reviewing {open}. Switch the member under review first.',
  'review.kind.manager': 'a manager’s review',
  'review.kind.agreed': 'an agreed record',
  'review.kind.self': 'a self-assessment',

  'review.storage.unreadable':
    'A review kept in this browser cannot be read. It was left untouched; download it before replacing it.',
  'review.storage.replace': 'Replace it with this member’s new review',
  'review.storage.download': 'Download the unreadable copy',
  'review.storage.blocked':
    'The review was not saved: the copy this browser holds for this member cannot be read. Download it or replace it first.',
  'review.storage.full': 'The browser’s storage is full: your latest change is not saved. Export the review file now.',
  'review.storage.unavailable':
    'This browser does not let the page keep data: export the review file before you leave.',

  'review.member': 'Member under review',
  'review.members': '{n} members under review in this browser',
  'review.assessor': 'Your name (assessor)',
  'review.summary': '{name} · self-assessment of {date} · {rated} of {total} rated by you',
  'review.view': 'Step',
  'review.view.rate': '1. Your rating',
  'review.view.oneOnOne': '2. The 1:1',

  'review.rate.title': 'Your rating of {name}',
  'review.rate.help':
    'For each element: the member’s level and evidence, the level descriptors, and your level with a comment. Press A (or the Agree button) to take the member’s level.',
  'review.rate.member': 'Member: {level}',
  'review.rate.memberNone': 'Member: not rated',
  'review.rate.evidence': 'Member’s evidence',
  'review.rate.noEvidence': 'No evidence written.',
  'review.rate.yours': 'Your level',
  'review.rate.agree': 'Agree (A)',
  'review.rate.same': 'Same as the member',
  'review.rate.agreeLabel': 'Agree with the member’s level on {element}',
  'review.rate.comment': 'Your comment',
  'review.rate.descriptors': 'Level descriptors',
  'review.rate.export': 'Export your review file',
  'review.rate.exportHelp':
    'The file is a manager assessment (kind “manager”) that names the self-assessment it reviewed; the team review reads it.',

  'review.one.title': '1:1 with {name}',
  'review.one.radar': 'Self, manager, target role and last agreed levels',
  'review.one.radarSummary': 'More than one level apart: {discuss} elements. Agreed so far: {agreed} of {total}.',
  'review.one.series.self': 'Self',
  'review.one.series.manager': 'Manager',
  'review.one.series.target': 'Target: {role}',
  'review.one.series.last': 'Last agreed ({date})',
  'review.one.discuss': 'Talk about these first (more than one level apart)',
  'review.one.others': 'The other elements',
  'review.one.noDiscuss': 'No element differs by more than one level.',
  'review.one.diff': 'Difference {n}',
  'review.one.selfEvidence': 'Member’s evidence',
  'review.one.managerComment': 'Manager’s comment',
  'review.one.noNote': 'Nothing written.',
  'review.one.agreed': 'Agreed level',
  'review.one.notAgreed': '—',
  'review.one.lastAgreed': 'Last agreed: {level}',
  'review.one.fillSame': 'Agree where both gave the same level',
  'review.one.by': 'Agreed by (names, comma-separated)',
  'review.one.date': 'Date of the 1:1',
  'review.one.save': 'Save the 1:1 and export the agreed record',
  'review.one.saveHelp':
    'Both of you keep the agreed record: the member imports it on the self-assessment page (it joins their history), the team review imports it beside the other files.',
  'review.one.saved': 'Saved the agreed record of {date} ({n} levels agreed).',
  'review.one.noneAgreed': 'Agree at least one level before saving.',
  'review.one.noNames': 'Write who agreed (at least one name) before saving.',
  'review.one.exportMd': 'Export the agenda (Markdown)',
  'review.one.records': 'Agreed records kept here: {list}',
  'review.one.links': 'Links between the files:',
  'review.one.linksOk': 'The review was made from this self-assessment.',
  'review.link.review-of-other': 'Your review was made from an earlier copy of the member’s self-assessment.',

  'review.goals.title': 'Goals for the next cycle',
  'review.goals.help':
    'Per element, the level to reach and by when. Elements with a goal list the playbooks and onboarding items that train them.',
  'review.goals.level': 'Target level',
  'review.goals.due': 'Due',
  'review.goals.none': 'No goal',
  'review.goals.trains': 'Trains it',
  'review.goals.next': 'Next review',
  'review.goals.ics': 'Add the next review to a calendar (.ics)',
  'review.goals.icsSummary': 'Skill review: {name}',
  'review.goals.icsDescription': 'Next review of {name} ({framework}). Goals: {goals}',

  'review.md.title': '1:1 agenda',
  'review.md.goalLine': 'Level {level} by {due}',
  'review.md.goalLevel': 'Level {level}',

  'review.empty': 'No member opened yet. Open a self-assessment file above to start.',
  'review.notRated': 'not rated',

  'assess.agreed.imported': 'Added the levels agreed on {date} to your history.',
  'assess.agreed.replaced': 'Replaced the agreed levels of {date} in your history.',
  'assess.agreed.other-person':
    'This agreed record is for {name}, but this assessment is {open}’s. Nothing was changed.',
  'assess.agreed.other-framework': 'This agreed record is for framework “{id}”. Nothing was changed.',
  'assess.agreed.not-agreed': 'This is not an agreed record.',
  'assess.agreed.badge': 'Agreed',
  'assess.agreed.managerFile':
    'This is a manager’s review of a self-assessment: the manager opens it on the Manager review page, the team review imports it. Here you can import your own files and agreed records.',
  'assess.agreed.by': 'agreed by {names}',
  'assess.series.agreed': 'Agreed ({date})',
} as const;

export const reviewJa: Record<keyof typeof reviewEn, string> = {
  'nav.review': 'マネージャーレビュー',
  'review.title': 'マネージャーレビューと1on1',
  'review.lead':
    'メンバーのセルフアセスメントのファイルか共有リンクを開き、要素ごとにマネージャーとして評価します。続けて1on1でレベルを合意し、次のサイクルの目標を決め、合意の記録を残します。',
  'review.noscript': 'マネージャーレビューにはJavaScriptが必要です。',
  'review.privacy': 'データはすべてこのブラウザーに、メンバーごとに保存されます。どこにも送信しません。',

  'review.open.title': 'セルフアセスメントを開く',
  'review.open.help':
    'メンバーがセルフアセスメントから書き出したファイル（または、すでに開いたメンバーについての自分のレビューファイルや合意の記録）を開くか、送られてきた共有リンクを貼り付けてください。',
  'review.open.file': 'ファイルを開く',
  'review.open.link': '共有リンク',
  'review.open.linkButton': 'リンクを開く',
  'review.open.opened': '{name}さんのセルフアセスメントを開きました。',
  'review.open.same': '{name}さんのセルフアセスメントは、すでに開いているものと同じです。',
  'review.open.newer':
    '{name}さんのセルフアセスメントを新しいファイルに更新しました。あなたの評価と1on1の内容はそのままです。',
  'review.open.older': '{name}さんのこのファイルは、手元のものより古いため、何も変更していません。',
  'review.open.manager': '{name}さんについてのあなたのレビューを開きました。',
  'review.open.agreed': '{name}さんの{date}の合意の記録を追加しました。',
  'review.open.failed': '「{file}」を開けませんでした。保存済みのデータは変更していません。',

  'review.problem.link': '共有リンクを読み取れません。',
  'review.problem.unknown-framework': 'このファイルはフレームワーク「{id}」用ですが、このポータルにはありません。',
  'review.problem.other-version':
    'このファイルはフレームワークのバージョン{version}で作成されています（このポータルは{current}）。メンバーにセルフアセスメントで開き直して、もう一度書き出してもらってください。',
  'review.problem.out-of-scale':
    'フレームワークの尺度（1〜{max}）を超えるレベルがあります：{list}。手で編集された可能性があります。',
  'review.problem.unknown-elements':
    'このフレームワークにない要素が評価されています：{list}。手で編集された可能性があります。',
  'review.problem.not-opened':
    'このファイルは{name}さんについての{kind}ですが、この方のセルフアセスメントをまだ開いていません。先にセルフアセスメントを開いてください。',
  'review.problem.other-member':
    'このファイルは{name}さんのものですが、いまレビューしているのは{open}さんです。先にレビュー中のメンバーを切り替えてください。',
  'review.kind.manager': 'マネージャーのレビュー',
  'review.kind.agreed': '合意の記録',
  'review.kind.self': 'セルフアセスメント',

  'review.storage.unreadable':
    'このブラウザーに保存されたレビューの一つを読み取れません。そのまま残してあります。置き換える前にダウンロードしてください。',
  'review.storage.replace': 'このメンバーの新しいレビューで置き換える',
  'review.storage.download': '読み取れないデータをダウンロード',
  'review.storage.blocked':
    'レビューを保存していません。このメンバーについてブラウザーに残っているデータを読み取れないためです。先にダウンロードするか置き換えてください。',
  'review.storage.full':
    'ブラウザーの保存領域がいっぱいで、最新の変更を保存できません。いますぐレビューファイルを書き出してください。',
  'review.storage.unavailable':
    'このブラウザーではデータを保存できません。ページを離れる前にレビューファイルを書き出してください。',

  'review.member': 'レビュー中のメンバー',
  'review.members': 'このブラウザーでレビュー中のメンバー：{n}人',
  'review.assessor': 'あなたの名前（評価者）',
  'review.summary': '{name}さん・{date}のセルフアセスメント・{total}要素中{rated}要素を評価済み',
  'review.view': 'ステップ',
  'review.view.rate': '1. マネージャー評価',
  'review.view.oneOnOne': '2. 1on1',

  'review.rate.title': '{name}さんの評価',
  'review.rate.help':
    '要素ごとに、メンバーのレベルと根拠、レベルの説明を確認し、あなたのレベルとコメントを入力します。Aキー（または「同意」ボタン）でメンバーのレベルをそのまま採用します。',
  'review.rate.member': 'メンバー：{level}',
  'review.rate.memberNone': 'メンバー：未評価',
  'review.rate.evidence': 'メンバーの根拠',
  'review.rate.noEvidence': '根拠の記入はありません。',
  'review.rate.yours': 'あなたの評価',
  'review.rate.agree': '同意（A）',
  'review.rate.same': 'メンバーと同じ',
  'review.rate.agreeLabel': '{element}でメンバーのレベルに同意する',
  'review.rate.comment': 'あなたのコメント',
  'review.rate.descriptors': 'レベルの説明',
  'review.rate.export': 'レビューファイルを書き出す',
  'review.rate.exportHelp':
    'マネージャー評価（kind「manager」）のファイルで、どのセルフアセスメントをレビューしたかを記録しています。チームレビューで読み込めます。',

  'review.one.title': '{name}さんとの1on1',
  'review.one.radar': '本人評価、マネージャー評価、目標ロール、前回の合意レベル',
  'review.one.radarSummary': '2レベル以上離れている要素は{discuss}個です。{total}要素中{agreed}要素を合意済みです。',
  'review.one.series.self': '本人評価',
  'review.one.series.manager': 'マネージャー評価',
  'review.one.series.target': '目標：{role}',
  'review.one.series.last': '前回の合意（{date}）',
  'review.one.discuss': '先に話し合う要素（2レベル以上の差）',
  'review.one.others': 'その他の要素',
  'review.one.noDiscuss': '2レベル以上離れている要素はありません。',
  'review.one.diff': '差{n}',
  'review.one.selfEvidence': 'メンバーの根拠',
  'review.one.managerComment': 'マネージャーのコメント',
  'review.one.noNote': '記入はありません。',
  'review.one.agreed': '合意レベル',
  'review.one.notAgreed': '—',
  'review.one.lastAgreed': '前回の合意：{level}',
  'review.one.fillSame': '同じレベルの要素をまとめて合意する',
  'review.one.by': '合意した人（名前をカンマ区切りで）',
  'review.one.date': '1on1の日付',
  'review.one.save': '1on1を保存して合意の記録を書き出す',
  'review.one.saveHelp':
    '合意の記録は二人とも保管します。メンバーはセルフアセスメントのページで読み込み（履歴に加わります）、チームレビューでもほかのファイルと一緒に読み込めます。',
  'review.one.saved': '{date}の合意の記録を保存しました（合意したレベル：{n}要素）。',
  'review.one.noneAgreed': '保存する前に、少なくとも一つのレベルを合意してください。',
  'review.one.noNames': '保存する前に、合意した人の名前を少なくとも一人入力してください。',
  'review.one.exportMd': 'アジェンダを書き出す（Markdown）',
  'review.one.records': 'この画面に保存済みの合意の記録：{list}',
  'review.one.links': 'ファイルのつながり：',
  'review.one.linksOk': 'このセルフアセスメントをもとにレビューしています。',
  'review.link.review-of-other': 'あなたのレビューは、メンバーのセルフアセスメントの以前の版をもとにしています。',

  'review.goals.title': '次のサイクルの目標',
  'review.goals.help':
    '要素ごとに、目指すレベルと期限を決めます。目標のある要素には、その力を伸ばすプレイブックとオンボーディング項目を表示します。',
  'review.goals.level': '目標レベル',
  'review.goals.due': '期限',
  'review.goals.none': '目標なし',
  'review.goals.trains': '伸ばすための教材',
  'review.goals.next': '次回のレビュー',
  'review.goals.ics': '次回のレビューをカレンダーに追加（.ics）',
  'review.goals.icsSummary': 'スキルレビュー：{name}',
  'review.goals.icsDescription': '{name}さんの次回レビュー（{framework}）。目標：{goals}',

  'review.md.title': '1on1アジェンダ',
  'review.md.goalLine': '{due}までにレベル{level}',
  'review.md.goalLevel': 'レベル{level}',

  'review.empty': 'まだメンバーを開いていません。上でセルフアセスメントのファイルを開いてください。',
  'review.notRated': '未評価',

  'assess.agreed.imported': '{date}に合意したレベルを履歴に追加しました。',
  'assess.agreed.replaced': '履歴の{date}の合意レベルを置き換えました。',
  'assess.agreed.other-person':
    'この合意の記録は{name}さんのものですが、このアセスメントは{open}さんのものです。何も変更していません。',
  'assess.agreed.other-framework': 'この合意の記録はフレームワーク「{id}」用です。何も変更していません。',
  'assess.agreed.not-agreed': '合意の記録ではありません。',
  'assess.agreed.badge': '合意',
  'assess.agreed.managerFile':
    'これはセルフアセスメントに対するマネージャーのレビューです。マネージャーレビューのページで開くか、チームレビューで読み込みます。このページで読み込めるのは、自分のファイルと合意の記録です。',
  'assess.agreed.by': '合意：{names}',
  'assess.series.agreed': '合意（{date}）',
};
