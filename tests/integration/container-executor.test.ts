import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executorConfigSchema, RUNNER_IMAGE, type ExecutorConfig } from '../../lib/execute/config';
import { createContainerExecutor } from '../../lib/execute/container-executor';
import { dockerFromEnv } from '../../lib/execute/docker';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeNotebook } from '../helpers/notebooks';
import { hasContainers } from '../helpers/system';

// Real containers through dockerode against Podman's Docker-compatible service (set up by .ci/run).
const available = await hasContainers();
const docker = dockerFromEnv()!;
// The containers this file created (other test files may run containers at the same time).
const createdHere: string[] = [];
const executor = available ? createContainerExecutor(docker, RUNNER_IMAGE, { onContainerCreated: (c) => void createdHere.push(c.id) }) : null;
const config = (c: Partial<ExecutorConfig> = {}) => executorConfigSchema.parse({ executor: 'container', cellTimeoutS: 60, totalTimeoutS: 120, memoryMb: 1024, ...c });
const outputsText = (executed: Uint8Array | null) =>
  JSON.parse(Buffer.from(executed!).toString())
    .cells.flatMap((c: { outputs?: Array<{ text?: string[] }> }) => c.outputs ?? [])
    .map((o: { text?: string[] }) => (o.text ?? []).join(''))
    .join('');
const ourContainers = async () => (await docker.listContainers({ all: true, filters: { label: ['vizmine.run=1'] } })).filter((c) => createdHere.includes(c.Id)).length;

describe.skipIf(!available)('the container executor (dockerode → Podman)', () => {
  let store: TestStore;
  beforeAll(async () => (store = await createTestStore()));
  afterAll(() => store?.close());

  it('runs a plotting notebook; its images are extracted from the executed notebook', async () => {
    const result = await executor!.run({ notebook: codeNotebook('import matplotlib.pyplot as plt', 'plt.plot([1, 3, 2]); plt.show()', 'plt.bar(["a", "b"], [2, 5]); plt.show()'), config: config() });
    expect(result.status, result.log).toBe('ok');
    const imported = await importNotebook(store.db, { file: 'executed.ipynb', bytes: result.executed!, blobDir: store.blobDir });
    expect(imported.visualisations).toEqual({ total: 2, byMime: { 'image/png': 2 } });
  });

  it('records the exception type and the failing cell', async () => {
    const result = await executor!.run({ notebook: codeNotebook('x = 1', 'print("before")', 'raise ValueError("bad value")', 'print("after")'), config: config() });
    expect(result.status).toBe('exception');
    expect(result.failing).toMatchObject({ cell: 2, ename: 'ValueError', evalue: 'bad value' });
  });

  it('runs as a non-root user, and the notebook cannot reach the network', async () => {
    const result = await executor!.run({
      notebook: codeNotebook(
        'import os; print("uid", os.getuid())',
        'import urllib.request\ntry:\n    urllib.request.urlopen("http://example.com", timeout=5)\n    print("network: reached")\nexcept Exception as e:\n    print("network:", type(e).__name__)',
      ),
      config: config(),
    });
    expect(result.status, result.log).toBe('ok');
    const text = outputsText(result.executed);
    expect(text).toContain('uid 1000');
    expect(text).toMatch(/network: (URLError|OSError|gaierror)/);
    expect(text).not.toContain('network: reached');
  });

  it('mounts datasets read-only at /kaggle/input/<slug>, also reachable as ../input', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-dataset-'));
    fs.writeFileSync(path.join(data, 'train.csv'), 'a,b\n1,2\n');
    fs.chmodSync(data, 0o755);
    try {
      const result = await executor!.run({
        notebook: codeNotebook(
          'print(open("/kaggle/input/titanic/train.csv").read().splitlines()[1])',
          'import pandas as pd; print("rows", len(pd.read_csv("../input/titanic/train.csv")))',
          'try:\n    open("/kaggle/input/titanic/new.csv", "w")\nexcept OSError as e:\n    print("write:", e.strerror)',
          'open("/kaggle/working/out.csv", "w").write("ok"); print("working dir writable")',
        ),
        config: config(),
        datasets: [{ slug: 'titanic', hostPath: data }],
      });
      expect(result.status, result.log).toBe('ok');
      const text = outputsText(result.executed);
      expect(text).toContain('1,2');
      expect(text).toContain('rows 1');
      expect(text).toMatch(/write: (Read-only file system|Permission denied)/);
      expect(text).toContain('working dir writable');
      expect(fs.readdirSync(data)).toEqual(['train.csv']);
    } finally {
      fs.rmSync(data, { recursive: true, force: true });
    }
  });

  it('a cell that never ends times out, and a run over its total time is killed; no container is left', async () => {
    const cell = await executor!.run({ notebook: codeNotebook('while True: pass'), config: config({ cellTimeoutS: 3 }) });
    expect(cell.status).toBe('timeout');
    expect(cell.failing).toMatchObject({ cell: 0, ename: 'CellTimeoutError' });
    const total = await executor!.run({ notebook: codeNotebook('import time', 'time.sleep(120)'), config: config({ cellTimeoutS: 300, totalTimeoutS: 6 }) });
    expect(total.status).toBe('timeout');
    expect(total.failing!.ename).toBe('TotalTimeout');
    expect(total.seconds).toBeLessThan(30);
    expect(await ourContainers()).toBe(0);
  });

  it('allocating 10 GB under a 512 MB limit is killed, and the executor goes on working', async () => {
    const oom = await executor!.run({ notebook: codeNotebook('x = bytearray(10 * 1024 ** 3)'), config: config({ memoryMb: 512 }) });
    expect(oom.status).toBe('killed');
    const after = await executor!.run({ notebook: codeNotebook('print(6 * 7)'), config: config() });
    expect(after.status).toBe('ok');
    expect(outputsText(after.executed)).toContain('42');
    expect(await ourContainers()).toBe(0);
  });
});
