/**
 * Export of the edited model: as YAML for the content folder, and as one SQL query for a data
 * warehouse (DuckDB, PostgreSQL, BigQuery, Snowflake) that scores every account as the simulator does.
 * Both writers load on the first export, outside the page's first load.
 */
import { useId, useState } from 'react';
import type { Translate } from '../../i18n/index.ts';
import type { HealthModel } from '../../schemas/health.ts';
import { modelToYaml } from '../../lib/health/simulator-state.ts';
import {
  SQL_DIALECT_NAMES,
  SQL_DIALECTS,
  SQL_TABLE,
  sqlFileName,
  type SqlDialect,
} from '../../lib/health/sql-dialects.ts';
import { downloadText, todayIso } from '../browser.ts';

export function ExportActions({
  id,
  model,
  onError,
  t,
}: {
  id: string;
  /** The model with the edited weights applied. */
  model: HealthModel;
  onError: (e: unknown) => void;
  t: Translate;
}) {
  const [busy, setBusy] = useState(false);
  const [dialect, setDialect] = useState<SqlDialect>('duckdb');
  const dialectId = useId();
  const run = async (write: () => Promise<void>) => {
    setBusy(true);
    try {
      await write();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const exportYaml = () =>
    run(async () => {
      downloadText(`${id}.yaml`, await modelToYaml(model, { id, today: todayIso() }), 'application/yaml');
    });
  const exportSql = () =>
    run(async () => {
      const { healthModelSql } = await import('../../lib/health/sql.ts');
      downloadText(sqlFileName(id, dialect), healthModelSql(model, { dialect, table: SQL_TABLE }), 'application/sql');
    });
  return (
    <>
      <button type="button" className="primary" onClick={() => void exportYaml()} disabled={busy}>
        {t('healthSim.weights.export')}
      </button>
      <span className="sql-export">
        <label htmlFor={dialectId}>{t('healthSim.sql.dialect')}</label>{' '}
        <select
          id={dialectId}
          value={dialect}
          onChange={(e) => setDialect(e.target.value as SqlDialect)}
          data-testid="sql-dialect"
        >
          {SQL_DIALECTS.map((d) => (
            <option key={d} value={d}>
              {SQL_DIALECT_NAMES[d]}
            </option>
          ))}
        </select>{' '}
        <button type="button" onClick={() => void exportSql()} disabled={busy} data-testid="export-sql">
          {t('healthSim.sql.export')}
        </button>
      </span>
    </>
  );
}
