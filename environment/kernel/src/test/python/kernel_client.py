"""Drives a Lottery Lab kernel through Jupyter's own client and prints what it answered as JSON.

Usage: /usr/bin/python3 kernel_client.py KERNEL_NAME   (the kernelspec is found through JUPYTER_PATH)
The JUnit test KernelIntegrationTest runs this script and checks the report.
"""
import json
import sys
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 60


def reply_to(client, msg_id):
    """The shell reply to one request (wait_for_ready may leave extra kernel_info replies queued)."""
    while True:
        reply = client.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def run(client, code):
    """Executes a cell; returns its reply status and the outputs published for it, in order."""
    msg_id = client.execute(code)
    outputs = []
    while True:
        msg = client.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            break
        if kind in ("stream", "execute_result", "display_data", "update_display_data", "clear_output", "error"):
            outputs.append({"type": kind, "content": msg["content"]})
    return {"status": reply_to(client, msg_id)["status"], "outputs": outputs}


def request(client, method, *args, **kwargs):
    """Sends a shell request (complete, is_complete, inspect, history) and returns the reply's content."""
    return reply_to(client, getattr(client, method)(*args, **kwargs))


def interrupted_cell(manager, client):
    """Starts a busy loop, interrupts it, and returns what the cell reported."""
    msg_id = client.execute("while (true) {}")
    while True:  # wait until the kernel is busy with the cell
        msg = client.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            break
    time.sleep(0.5)
    manager.interrupt_kernel()
    errors = []
    while True:
        msg = client.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            errors.append(msg["content"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply_to(client, msg_id)
    return errors


def main(kernel_name):
    manager = KernelManager(kernel_name=kernel_name)
    manager.start_kernel()
    try:
        print(json.dumps(exercise(manager)))
    finally:
        if manager.is_alive():
            manager.shutdown_kernel(now=True)


def exercise(manager):
    """Sends every kind of request the kernel answers; returns what came back."""
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=TIMEOUT)
    report = {
        "kernel_info": request(client, "kernel_info"),
        "sum": run(client, "1 + 1"),
        "print": run(client, 'System.out.println("hello");\nSystem.err.println("careful");\nSystem.out.println("bye");'),
        "error": run(client, 'throw new IllegalStateException("boom");'),
        "compile_error": run(client, "int x = nothing;"),
        "display": run(client, 'String id = display("first");\nupdateDisplay(id, "second");'),
        "clear": run(client, 'display("old");\nclearOutput();\nclearOutput(true);'),
        "complete": request(client, "complete", "Math.ma", 7),
        "is_complete": request(client, "is_complete", "class A {"),
        "inspect": request(client, "inspect", "Math.max(1, 2)", 6),
        "interrupt": interrupted_cell(manager, client),
        "after_interrupt": run(client, "int kept = 5;\nkept * 2"),
    }
    # The cells above are numbered from 1 in the order they ran.
    report["history_tail"] = request(client, "history", hist_access_type="tail", n=2, output=True)
    report["history_range"] = request(client, "history", hist_access_type="range", session=1, start=2, stop=4)
    report["history_search"] = request(client, "history", hist_access_type="search", pattern="1 + ?")
    manager.restart_kernel(now=False)
    client.wait_for_ready(timeout=TIMEOUT)
    report["after_restart"] = run(client, "kept")
    client.stop_channels()
    manager.shutdown_kernel(now=False)
    report["alive_after_shutdown"] = manager.is_alive()
    return report


if __name__ == "__main__":
    main(sys.argv[1])
