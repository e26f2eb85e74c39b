// Small notebooks built in the test, for executors and reproduction.
export function codeNotebook(...sources: string[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'python3', language: 'python', display_name: 'Python 3' } },
      cells: sources.map((source) => ({ cell_type: 'code', metadata: {}, execution_count: null, source, outputs: [] })),
    }),
  );
}
