'use client';
import { Highlight, themes } from 'prism-react-renderer';

/** `marked`: 0-based lines to highlight (a figure's slice). */
export function CodeBlock({ code, language = 'python', marked }: { code: string; language?: string; marked?: Set<number> }) {
  return (
    <div className="code">
      <Highlight theme={themes.github} code={code} language={language}>
        {({ tokens, getLineProps, getTokenProps }) => (
          <pre style={{ background: 'transparent' }}>
            {tokens.map((line, i) => (
              <div key={i} {...getLineProps({ line, className: marked?.has(i) ? 'slice-line' : undefined })}>
                {line.map((token, k) => (
                  <span key={k} {...getTokenProps({ token })} />
                ))}
              </div>
            ))}
          </pre>
        )}
      </Highlight>
    </div>
  );
}
