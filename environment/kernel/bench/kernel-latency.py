"""Measures how fast a Jupyter kernel starts and answers a trivial cell.

Usage: /usr/bin/python3 kernel-latency.py KERNEL_NAME_OR_KERNELSPEC_DIR [EXECUTIONS]

Reports the ready time (start of the kernel process to its first kernel_info reply) and the
round trip of `1 + 1` (execute_request sent to execute_reply and idle status received) over
EXECUTIONS cells (default 50): median, 90th percentile, and the first cell on its own.
Targets of the Lottery Lab kernel: ready < 3 s, median round trip < 150 ms.
"""
import json
import os
import statistics
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 60


def kernel_name(argument, scratch):
    """A kernelspec folder is offered to Jupyter through a JUPYTER_PATH of its own."""
    if not os.path.isdir(argument):
        return argument
    name = os.path.basename(os.path.abspath(argument))
    os.makedirs(os.path.join(scratch, "kernels"))
    os.symlink(os.path.abspath(argument), os.path.join(scratch, "kernels", name))
    os.environ["JUPYTER_PATH"] = scratch
    return name


def round_trip(client, code):
    """Seconds from sending a cell to both its reply and the kernel's return to idle."""
    start = time.perf_counter()
    msg_id = client.execute(code)
    replied = idle = False
    while not (replied and idle):
        if not replied:
            reply = client.get_shell_msg(timeout=TIMEOUT)
            replied = reply["parent_header"].get("msg_id") == msg_id
        if not idle:
            msg = client.get_iopub_msg(timeout=TIMEOUT)
            idle = (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle")
    return time.perf_counter() - start


def main(argument, executions):
    with tempfile.TemporaryDirectory() as scratch:
        manager = KernelManager(kernel_name=kernel_name(argument, scratch))
        start = time.perf_counter()
        manager.start_kernel()
        try:
            client = manager.client()
            client.start_channels()
            client.wait_for_ready(timeout=TIMEOUT)
            ready = time.perf_counter() - start
            trips = [round_trip(client, "1 + 1") for _ in range(executions)]
            client.stop_channels()
        finally:
            manager.shutdown_kernel(now=True)
    ordered = sorted(trips)
    print(json.dumps({
        "kernel": argument,
        "ready_s": round(ready, 3),
        "first_cell_ms": round(trips[0] * 1000, 1),
        "median_ms": round(statistics.median(trips) * 1000, 1),
        "p90_ms": round(ordered[int(0.9 * (len(ordered) - 1))] * 1000, 1),
        "executions": executions,
    }, indent=2))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 50)
