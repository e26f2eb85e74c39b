#!/usr/bin/env python3
"""Executes one notebook with nbclient and writes the executed notebook and a JSON summary.

Usage: run_notebook.py <input.ipynb> <output.ipynb> <summary.json> [--cell-timeout S] [--workdir DIR]

The same runner serves the host executor and (later) the container one. Errors in the notebook's own
code are results, not failures of the runner: allow_errors=True runs every cell, and the summary names
the first failing cell with its exception. Per-cell wall times come from nbclient's cell hooks.
"""
import argparse, json, os, sys, time

# Headless plotting that still reaches the outputs: the inline backend (Agg underneath) sends each
# figure to the notebook, where a plain Agg backend would draw it nowhere.
os.environ['MPLBACKEND'] = 'module://matplotlib_inline.backend_inline'
os.environ.setdefault('PYDEVD_DISABLE_FILE_VALIDATION', '1')

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError


def main():
    p = argparse.ArgumentParser()
    p.add_argument('input'); p.add_argument('output'); p.add_argument('summary')
    p.add_argument('--cell-timeout', type=int, default=600)
    p.add_argument('--workdir', default=None)
    a = p.parse_args()

    nb = nbformat.read(a.input, as_version=4)
    workdir = a.workdir or os.path.dirname(os.path.abspath(a.input))
    durations = {}
    started = {}
    log_file = os.environ.get('VIZMINE_LOG_FILE')

    def on_start(cell, cell_index):
        started[cell_index] = time.monotonic()

    def on_executed(cell, cell_index, execute_reply):
        durations[cell_index] = round(time.monotonic() - started.get(cell_index, time.monotonic()), 4)
        # A live log for the monitoring page: one line per cell, and the error of a failing one.
        errors = [o for o in cell.get('outputs', []) if o.get('output_type') == 'error']
        line = f'[vizmine] cell {cell_index}: {durations[cell_index]:.2f} s'
        if errors:
            line += f" — {errors[0].get('ename')}: {str(errors[0].get('evalue'))[:300]}"
        print(line, file=sys.stderr, flush=True)
        if log_file:  # the container executor tails this file instead of following the engine's log stream
            with open(log_file, 'a') as f:
                f.write(line + '\n')

    client = NotebookClient(nb, timeout=a.cell_timeout, kernel_name='python3', allow_errors=True,
                            resources={'metadata': {'path': workdir}},
                            on_cell_start=on_start, on_cell_executed=on_executed)
    t0 = time.monotonic()
    status, failing = 'ok', None
    try:
        client.execute()
    except CellTimeoutError:
        status = 'timeout'
    except DeadKernelError:
        status = 'killed'
    total = round(time.monotonic() - t0, 4)

    # The first cell whose outputs hold an error is where the notebook's own code failed.
    for i, cell in enumerate(nb.cells):
        for out in cell.get('outputs', []) if cell.cell_type == 'code' else []:
            if out.get('output_type') == 'error' and failing is None:
                failing = {'cell': i, 'ename': out.get('ename'), 'evalue': str(out.get('evalue'))[:2000]}
    if status == 'ok' and failing is not None:
        status = 'exception'
    if status == 'timeout':  # the cell that was running, whatever the kernel printed when interrupted
        running = max(started) if started else None
        failing = {'cell': running, 'ename': 'CellTimeoutError', 'evalue': f'cell ran longer than {a.cell_timeout} s'}

    nbformat.write(nb, a.output)
    with open(a.summary, 'w') as f:
        json.dump({'status': status, 'failing': failing, 'seconds': total,
                   'cellSeconds': {str(k): v for k, v in sorted(durations.items())},
                   'python': sys.version.split()[0]}, f)


if __name__ == '__main__':
    main()
