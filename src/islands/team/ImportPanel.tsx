/**
 * Where files and links come in: a drop zone (its buttons are the keyboard route), a multi-file
 * picker, a folder picker and a text area for share links, one per line. Reads the files (never over
 * the size limit) and hands plain sources to the parent.
 */
import { useId, useRef, useState, type DragEvent } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import { MAX_FILE_BYTES } from '../../schemas/assessment-constants.ts';
import type { JobSource } from '../../lib/file-jobs.ts';

/** The bytes of each file (decoded and validated in the file-reading worker), never over the size limit. */
async function readFiles(files: File[]): Promise<JobSource[]> {
  return Promise.all(
    files.map(async (f): Promise<JobSource> => {
      const name = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
      if (f.size > MAX_FILE_BYTES) return { name, origin: 'file', size: f.size, text: null };
      try {
        return { name, origin: 'file', size: f.size, text: '', bytes: await f.arrayBuffer() };
      } catch {
        return { name, origin: 'file', size: f.size, text: '' }; // a folder dropped as a file, or a file that vanished: reported as "not JSON"
      }
    }),
  );
}

export function ImportPanel({
  t,
  onSources,
}: {
  t: Translate;
  onSources: (sources: JobSource[], skipped?: number) => void;
}) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [links, setLinks] = useState('');
  const linksId = useId();
  const helpId = useId();

  const take = async (list: FileList | null, onlyJson = false) => {
    if (!list?.length) return;
    const all = [...list];
    const picked = onlyJson ? all.filter((f) => /\.json$/i.test(f.name)) : all;
    onSources(await readFiles(picked), all.length - picked.length);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files);
  };
  const addLinks = () => {
    const sources: JobSource[] = [];
    links.split(/\r\n|\r|\n/).forEach((line, i) => {
      if (line.trim())
        sources.push({ name: t('team.import.linkLabel', { n: i + 1 }), origin: 'link', text: line.trim() });
    });
    if (!sources.length) return;
    onSources(sources);
    setLinks('');
  };

  return (
    <div className="team-import">
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p id={helpId}>
          <strong>{t('team.import.drop')}</strong> {t('team.import.dropHelp')}
        </p>
        <div className="actions">
          <button type="button" className="primary" aria-describedby={helpId} onClick={() => files.current?.click()}>
            {t('team.import.pickFiles')}
          </button>
          <button type="button" aria-describedby={helpId} onClick={() => folder.current?.click()}>
            {t('team.import.pickFolder')}
          </button>
        </div>
        <input
          ref={files}
          type="file"
          multiple
          accept=".json,application/json"
          hidden
          data-testid="import-files"
          tabIndex={-1}
          onChange={(e) => {
            void take(e.target.files);
            e.target.value = '';
          }}
        />
        <input
          ref={folder}
          type="file"
          multiple
          hidden
          data-testid="import-folder"
          tabIndex={-1}
          {...({ webkitdirectory: '' } as Record<string, string>)}
          onChange={(e) => {
            void take(e.target.files, true);
            e.target.value = '';
          }}
        />
      </div>
      <div className="links-box">
        <label htmlFor={linksId}>{t('team.import.links')}</label>
        <p className="muted">{t('team.import.linksHelp')}</p>
        <textarea
          id={linksId}
          rows={3}
          value={links}
          onChange={(e) => setLinks(e.target.value)}
          data-testid="links"
          spellCheck={false}
        />
        <div className="actions">
          <button type="button" onClick={addLinks} disabled={!links.trim()}>
            {t('team.import.addLinks')}
          </button>
        </div>
      </div>
    </div>
  );
}
