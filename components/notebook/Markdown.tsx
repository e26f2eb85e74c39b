'use client';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
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
  },
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== 'picture' && t !== 'source'),
};

// Images only from data: or absolute http(s) URLs: a relative src would make the browser request
// this app's own pages and API on the notebook's behalf.
function urlTransform(url: string, key: string): string {
  if (key === 'src' && !/^(data:image\/|https?:\/\/)/i.test(url)) return '';
  return defaultUrlTransform(url);
}

// Remote images (markdown or raw <img>) become a placeholder; only data: images are drawn.
const components: Components = {
  img: ({ src, alt }) => (typeof src === 'string' && /^https?:\/\//i.test(src) ? <RemoteImage src={src} alt={alt} /> : src ? <img src={src} alt={alt ?? ''} /> : null),
};

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeRaw, [rehypeSanitize, schema]]} urlTransform={urlTransform} components={components}>
        {normaliseMarkdown(source)}
      </ReactMarkdown>
    </div>
  );
}
