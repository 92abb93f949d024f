/**
 * Markdown (Sätteri hast plugin): table column alignment (`| :--: |`) as classes instead of the inline
 * `style="text-align: …"` the Markdown processor writes, which the site's Content-Security-Policy
 * blocks (the alignment would silently be lost). The classes are styled in src/styles/global.css.
 */

/** The alignment class for a table cell's properties, or null when it has none. */
export function alignClass(properties: Record<string, unknown> | undefined): string | null {
  if (!properties) return null;
  const fromAttr = typeof properties.align === 'string' ? properties.align : undefined;
  const fromStyle =
    typeof properties.style === 'string' ? /text-align\s*:\s*([a-z]+)/i.exec(properties.style)?.[1] : undefined;
  const align = (fromAttr ?? fromStyle)?.toLowerCase();
  return align === 'left' || align === 'center' || align === 'right' ? `align-${align}` : null;
}

interface CellNode {
  properties?: Record<string, unknown>;
}
interface Ctx {
  setProperty(node: CellNode, key: string, value: unknown): void;
}

/** The plugin, for `satteri({ hastPlugins: [alignClasses] })` in astro.config.mjs. */
export const alignClasses = {
  name: 'banso-align-classes',
  element: {
    filter: ['td', 'th'],
    visit(node: CellNode, ctx: Ctx) {
      const cls = alignClass(node.properties);
      if (!cls) return;
      const p = node.properties ?? {};
      const rest = typeof p.style === 'string' ? p.style.replace(/text-align\s*:\s*[a-z]+;?/gi, '').trim() : '';
      ctx.setProperty(node, 'style', rest || undefined);
      ctx.setProperty(node, 'align', undefined);
      const existing = Array.isArray(p.className) ? p.className : typeof p.className === 'string' ? [p.className] : [];
      ctx.setProperty(node, 'className', [...existing, cls]);
    },
  },
};
