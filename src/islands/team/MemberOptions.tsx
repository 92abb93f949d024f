/** The options of a member picker: each member's name (or "Unnamed (file)"), isolated from the text around it. */
import type { Translate } from '../../i18n/translator.ts';
import { isolate } from '../../lib/text-direction.ts';
import { displayName, type Named } from './shared.ts';

export function MemberOptions({ members, t }: { members: readonly (Named & { key: string })[]; t: Translate }) {
  return members.map((x) => (
    <option key={x.key} value={x.key}>
      {isolate(displayName(x, t))}
    </option>
  ));
}
