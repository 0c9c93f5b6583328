# Times LibreOffice Calc on the incumbent workbook, the way a finance bureau's spreadsheet behaves: open it,
# hard-recalculate everything, then edit one driver and recalculate again. Run by incumbent.ts with the
# system python3 (python3-uno). Prints one JSON line; every other message goes to stderr.
#
#   recalc_uno.py WORKBOOK PROFILE_DIR EDIT_SHEET EDIT_CELL EDIT_VALUE CHECK_SHEET CHECK_CELL
import json
import os
import signal
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

SOFFICE_START_SECONDS = 60


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def descendants(pid):
    """Every process under pid (oosplash starts soffice.bin as its child)."""
    children = {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat') as f:
                ppid = int(f.read().rsplit(')', 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def peak_rss_mb(pids):
    """The largest VmHWM (peak resident set) among the processes, in MB."""
    peak = 0
    for pid in pids:
        try:
            with open(f'/proc/{pid}/status') as f:
                for line in f:
                    if line.startswith('VmHWM:'):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
    return peak / 1024


def connect(pipe_name, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    deadline = time.monotonic() + SOFFICE_START_SECONDS
    while True:
        try:
            ctx = resolver.resolve(f'uno:pipe,name={pipe_name};urp;StarOffice.ComponentContext')
            return ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        except Exception:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError('LibreOffice did not start')
            time.sleep(0.2)


def cell(doc, sheet, address):
    return doc.Sheets.getByName(sheet).getCellRangeByName(address)


def main():
    workbook, profile, edit_sheet, edit_cell, edit_value, check_sheet, check_cell = sys.argv[1:8]
    pipe_name = 'qingdan_bench_' + str(os.getpid())
    proc = subprocess.Popen(
        ['soffice', '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck',
         f'-env:UserInstallation={uno.systemPathToFileUrl(profile)}',
         f'--accept=pipe,name={pipe_name};urp;StarOffice.ComponentContext'],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    doc = None
    desktop = None
    try:
        desktop = connect(pipe_name, proc)
        url = uno.systemPathToFileUrl(os.path.abspath(workbook))

        start = time.perf_counter()
        doc = desktop.loadComponentFromURL(url, '_blank', 0, (prop('Hidden', True), prop('ReadOnly', False)))
        load = time.perf_counter() - start
        if doc is None:
            raise RuntimeError('LibreOffice could not open the workbook')

        start = time.perf_counter()
        doc.calculateAll()
        total_before = cell(doc, check_sheet, check_cell).getValue()
        recalc = time.perf_counter() - start

        # What a planner waits for with automatic calculation on: the edit and its dependents only.
        target = cell(doc, edit_sheet, edit_cell)
        original = target.getValue()
        start = time.perf_counter()
        target.setValue(float(edit_value))
        doc.calculate()
        total_incremental = cell(doc, check_sheet, check_cell).getValue()
        edit_incremental = time.perf_counter() - start

        # The edit again followed by a full hard recalculation, as the issue asks to time.
        target.setValue(original)
        doc.calculate()
        start = time.perf_counter()
        target.setValue(float(edit_value))
        doc.calculateAll()
        total_after = cell(doc, check_sheet, check_cell).getValue()
        edit_recalc = time.perf_counter() - start

        memory = peak_rss_mb([proc.pid] + descendants(proc.pid))
        print(json.dumps({
            'loadSeconds': load,
            'recalcSeconds': recalc,
            'editIncrementalSeconds': edit_incremental,
            'editRecalcSeconds': edit_recalc,
            'peakMemoryMB': memory,
            'checkBefore': total_before,
            'checkIncremental': total_incremental,
            'checkAfter': total_after,
        }))
    finally:
        # A clean exit removes LibreOffice's pipes and temp folder in /tmp; a kill would leave them behind.
        try:
            if doc is not None:
                doc.close(True)
            if desktop is not None:
                desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        try:
            os.unlink(f'/tmp/OSL_PIPE_{os.getuid()}_{pipe_name}')
        except OSError:
            pass


if __name__ == '__main__':
    main()
