import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { parseAssessmentFile } from '../../src/lib/assessment/file-format.ts';
import { runBatch } from '../../src/lib/health/worker-protocol.ts';
import {
  prng,
  refsFromContent,
  syntheticAccountsCsv,
  syntheticAssessmentFiles,
  syntheticFramework,
  syntheticFrameworkData,
  syntheticPlaybooks,
} from '../../scripts/lib/synthetic.ts';

const real = readContentFiles('.');
const base = checkContent(real);

function generate(count: number) {
  const fw = syntheticFramework({ elements: 100 });
  const withFw = checkContent([...real, fw]);
  return [fw, ...syntheticPlaybooks(refsFromContent(withFw.content), { count })];
}

describe('synthetic benchmark content', () => {
  it('merges with the real content without a single problem', () => {
    expect(base.problems).toEqual([]);
    const files = generate(60);
    const { content, problems } = checkContent([...real, ...files]);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(content.playbooks.size).toBe(base.content.playbooks.size + 60);
    expect(content.playbookTranslations.get('ja')!.size).toBe(
      (base.content.playbookTranslations.get('ja')?.size ?? 0) + 60,
    );
    const fw = content.frameworks.get('bench-skills')!.data;
    expect(fw.elements).toHaveLength(100);
    expect(fw.levels).toHaveLength(5);
    for (const el of fw.elements) {
      expect(el.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
      expect(el.name.ja).toBeTruthy();
      for (const l of el.levels) expect(l.signals.ja).toHaveLength(l.signals.en.length);
    }
    // Playbooks really reference real content: roles, elements and journey stages.
    const pbs = [...content.playbooks.values()].filter((p) => p.id.startsWith('synthetic-'));
    expect(pbs.some((p) => p.data.trains.some((t) => t.framework === 'cs-skills'))).toBe(true);
    expect(pbs.some((p) => p.data.journeyStages.length > 0)).toBe(true);
    expect(new Set(pbs.map((p) => p.data.ownerRole)).size).toBeGreaterThan(1);
  });

  it('is deterministic', () => {
    expect(generate(20)).toEqual(generate(20));
    expect(syntheticAccountsCsv(50)).toBe(syntheticAccountsCsv(50));
    expect(syntheticAccountsCsv(50, 1)).not.toBe(syntheticAccountsCsv(50, 2));
    const a = prng(3);
    const b = prng(3);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('makes assessment files the import accepts', () => {
    const fw = { id: 'bench-skills', ...syntheticFrameworkData() };
    const files = syntheticAssessmentFiles(fw, ['csm'], 10);
    expect(files).toHaveLength(10);
    for (const f of files) {
      const r = parseAssessmentFile(f.text);
      expect(r.ok, f.name).toBe(true);
      if (r.ok) expect(Object.keys(r.assessment.ratings)).toHaveLength(100);
    }
  });

  it('makes a CSV that parses and scores with the high-touch model, outcomes included', async () => {
    const model = base.content.healthModels.get('high-touch-health')!.data;
    const out = await runBatch({ model, text: syntheticAccountsCsv(500) });
    expect(out.parseErrors).toEqual([]);
    expect(out.rowCount).toBe(500);
    expect(out.bad).toEqual([]);
    expect(out.scored).toHaveLength(500);
    expect(Object.keys(out.mapping.measures).length).toBe(model.measures.length);
    expect(out.backtest).not.toBeNull();
  });
});
