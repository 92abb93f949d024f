/** The progress-file page: export everything this browser keeps for the person; import and merge a file. The validator loads on use. */
import { downloadText } from '../islands/browser.ts';
const root = document.querySelector<HTMLElement>('[data-progress-file]');
if (root) {
  const w = JSON.parse(root.dataset.words!) as Record<string, string>;
  const out = root.querySelector<HTMLElement>('[data-pf-result]')!;
  const fill = (s: string, v: Record<string, string | number>) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k]));
  const show = (error: boolean, lines: string[], details: string[] = []) => {
    out.classList.toggle('error', error);
    const ps = lines.map((l) => {
      const p = document.createElement('p');
      p.textContent = l;
      return p;
    });
    const ul = document.createElement('ul');
    ul.append(
      ...details.map((d) => {
        const li = document.createElement('li');
        li.textContent = d;
        return li;
      }),
    );
    out.replaceChildren(...ps, ...(details.length ? [ul] : []));
  };
  const lib = () => import('../lib/progress-file.ts');
  root.querySelector('[data-pf-export]')!.addEventListener('click', async () => {
    try {
      const { collectProgress } = await lib();
      const { file, unreadable } = collectProgress(localStorage, new Date());
      const name = `banso-progress-${file.exportedAt.slice(0, 10)}.json`;
      downloadText(name, JSON.stringify(file, null, 2), 'application/json');
      const n = file.assessments.length + Object.keys(file.onboarding).length + (file.plane.length ? 1 : 0);
      show(
        false,
        [
          n
            ? fill(w.exported, {
                file: name,
                assessments: file.assessments.length,
                tracks: Object.keys(file.onboarding).length,
              })
            : w.exportedNothing,
        ],
        unreadable.map((k) => fill(w.unreadable, { key: k })),
      );
    } catch {
      show(true, [w['err.code']]);
    }
  });
  root.querySelector<HTMLInputElement>('[data-pf-import]')!.addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    let m: Awaited<ReturnType<typeof lib>>;
    try {
      m = await lib();
    } catch {
      show(true, [fill(w.importFailed, { file: f.name }), w['err.code']]);
      return;
    }
    const r = m.parseProgressFile(await f.text());
    if (!r.ok) {
      show(true, [fill(w.importFailed, { file: f.name }), w[`err.${r.code}`]], r.details.slice(0, 12));
      return;
    }
    try {
      const rep = m.applyProgress(localStorage, r.file);
      const lines = [fill(w.imported, { file: f.name })];
      if (rep.assessmentsFromFile.length) lines.push(fill(w.fromFile, { list: rep.assessmentsFromFile.join(', ') }));
      if (rep.assessmentsKept.length) lines.push(fill(w.kept, { list: rep.assessmentsKept.join(', ') }));
      if (rep.onboarding.length) lines.push(w.onboarding);
      if (rep.plane) lines.push(w.plane);
      if (rep.prefs) lines.push(w.prefs);
      if (lines.length === 1) lines.push(w.nothing);
      show(false, lines);
    } catch {
      show(true, [fill(w.importFailed, { file: f.name }), w['err.storage']]);
    }
  });
}
