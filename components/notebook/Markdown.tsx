'use client';
import ReactMarkdown, { defaultUrlTransform, type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
// KaTeX's stylesheet and fonts are bundled and served by this app: no font or script from another host.
import 'katex/dist/katex.min.css';
import type { Components } from 'react-markdown';
import { normaliseMarkdown } from './normalise-markdown';
import { RemoteImage } from './RemoteImage';

// Notebook markdown is untrusted: raw HTML is parsed, then sanitised to GitHub's allow-list
// (no script, no event handlers, no javascript: URLs).
// srcSet is dropped: its URLs would bypass urlTransform below.
const schema = {
  ...defaultSchema,
  attributes: {
    ...Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).map(([tag, attrs]) => [tag, attrs.filter((a) => a !== 'srcSet' && !(Array.isArray(a) && a[0] === 'srcSet'))])),
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'align'],
    // remark-math marks $…$ and $$…$$ as code with these classes, for rehype-katex after sanitising.
    code: [['className', /^language-./, 'math-inline', 'math-display']],
  },
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== 'picture' && t !== 'source'),
};

// Images only from data: or absolute http(s) URLs: a relative src would make the browser request
// this app's own pages and API on the notebook's behalf.
function urlTransform(url: string, key: string): string {
  if (key === 'src' && !/^(data:image\/|https?:\/\/)/i.test(url)) return '';
  return defaultUrlTransform(url);
}

// Math ($…$, $$…$$) as Jupyter and Kaggle show it. KaTeX runs after the sanitiser, on the math text only:
// its own output (spans and MathML) is trusted, and with `trust` off it emits no links, scripts or images.
const rehypePlugins: Options['rehypePlugins'] = [rehypeRaw, [rehypeSanitize, schema], [rehypeKatex, { trust: false, strict: 'ignore' }]];
// Remote images (markdown or raw <img>) become a placeholder; only data: images are drawn.
const components: Components = {
  img: ({ src, alt }) => (typeof src === 'string' && /^https?:\/\//i.test(src) ? <RemoteImage src={src} alt={alt} /> : src ? <img src={src} alt={alt ?? ''} /> : null),
};

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm, remarkMath]} rehypePlugins={rehypePlugins} urlTransform={urlTransform} components={components}>
        {normaliseMarkdown(source)}
      </ReactMarkdown>
    </div>
  );
}
