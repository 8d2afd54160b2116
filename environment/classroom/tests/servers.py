"""Starting and stopping the servers the browser and hub tests talk to, on loopback ports."""

import json
import os
import random
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request


def _free(port):
    """Whether nothing listens on the port, on any IPv4 address."""
    for address in ("0.0.0.0", "127.0.0.1"):
        with socket.socket() as probe:
            try:
                probe.bind((address, port))
            except OSError:
                return False
    return True


def free_ports(count):
    """The first of `count` consecutive free ports, from a random start: other programs on the
    machine (other test runs among them) may hold any fixed choice."""
    for _ in range(500):
        start = random.randrange(20000, 30000)
        if all(_free(port) for port in range(start, start + count)):
            return start
    raise RuntimeError("no free loopback ports between 20000 and 30000")


def start(command, env, log):
    """Starts a server in a process group of its own, so that stop() ends it and its children."""
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def wait_for_json(url, process, seconds, key):
    """Waits until url answers with a JSON object holding `key`: this server, not another program
    that took the port meanwhile (which fails at once). Fails early when the server died."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                body = json.loads(answer.read())
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            time.sleep(0.5)
            continue
        except (json.JSONDecodeError, ValueError):
            body = None
        if not isinstance(body, dict) or key not in body:
            raise RuntimeError(f"{url} is answered by another program than the one started: {body!r}")
        return body
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def stop(process, seconds=30):
    """SIGTERM to the server's group (it shuts its children down), SIGKILL if it does not end."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
