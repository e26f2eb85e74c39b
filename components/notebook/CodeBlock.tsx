'use client';
import { Highlight, themes } from 'prism-react-renderer';

export function CodeBlock({ code, language = 'python' }: { code: string; language?: string }) {
  return (
    <div className="code">
      <Highlight theme={themes.github} code={code} language={language}>
        {({ tokens, getLineProps, getTokenProps }) => (
          <pre style={{ background: 'transparent' }}>
            {tokens.map((line, i) => (
              <div key={i} {...getLineProps({ line })}>
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
