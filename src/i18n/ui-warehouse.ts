/** UI strings of the warehouse (SQL) export of health models, in English and Japanese (merged into ui.ts). */
export const warehouseEn = {
  'warehouse.title': 'Score every account in your data warehouse',
  'warehouse.lead':
    'Download this model as one SQL query and schedule it where your account data already is, for example every night. It reads a table with one row per account and one column per measure, and returns the same score, band, coverage, overrides and “insufficient data” as this portal.',
  'warehouse.download': 'SQL for {dialect}',
  'warehouse.columns': 'Columns the query reads (rename them in the query’s first step if yours differ):',
  'warehouse.col.account': 'copied to the result to identify the account',
  'warehouse.col.number': 'a number',
  'warehouse.col.boolean': 'yes/no (BOOLEAN, or text such as yes/no, 1/0, はい/いいえ)',
  'warehouse.col.sentiment': 'text: red, yellow or green',
  'warehouse.col.category': 'text, one of: {labels}',
  'warehouse.notes':
    'An empty value (NULL) means no data, as in the simulator. Staleness is not applied: set inputs older than the model allows to NULL before scoring. A value that is not a known category gives the status “invalid-input” instead of a colour.',
  'warehouse.readme': 'The README shows how to run it as a dbt model.',
} as const;

export const warehouseJa: Record<keyof typeof warehouseEn, string> = {
  'warehouse.title': 'データウェアハウスで全アカウントをスコアリングする',
  'warehouse.lead':
    'このモデルを1本のSQLクエリとしてダウンロードし、アカウントデータがすでにある場所で定期実行できます（毎晩など）。1行が1アカウント、1列が1指標のテーブルを読み、このポータルと同じスコア、バンド、カバレッジ、オーバーライド、「データ不足」を返します。',
  'warehouse.download': '{dialect}用のSQL',
  'warehouse.columns': 'クエリが読む列（列名が異なる場合はクエリの最初のステップで置き換えてください）：',
  'warehouse.col.account': 'アカウントを識別するため結果にそのまま出力します',
  'warehouse.col.number': '数値',
  'warehouse.col.boolean': 'はい／いいえ（BOOLEAN型、またはyes/no、1/0、はい/いいえなどのテキスト）',
  'warehouse.col.sentiment': 'テキスト：red、yellow、green',
  'warehouse.col.category': 'テキスト（次のいずれか）：{labels}',
  'warehouse.notes':
    '空の値（NULL）はシミュレーターと同じく「データなし」として扱います。鮮度（古いデータの除外）は適用しないため、モデルの期限を過ぎた入力はスコアリング前にNULLにしてください。既知のカテゴリー以外の値は、色の代わりにステータス「invalid-input」になります。',
  'warehouse.readme': 'dbtモデルとして実行する方法はREADMEにあります。',
};
