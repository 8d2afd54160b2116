"""Starting and stopping the servers the browser and hub tests talk to, on loopback ports."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request


def free_ports(count):
    """The first of `count` consecutive free loopback ports."""
    for start in range(20000, 60000, 97):
        sockets = []
        try:
            for port in range(start, start + count):
                sockets.append(socket.socket())
                sockets[-1].bind(("127.0.0.1", port))
            return start
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
    raise RuntimeError("no free loopback ports")


def start(command, env, log):
    """Starts a server in a process group of its own, so that stop() ends it and its children."""
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def wait_for(url, process, seconds, success_only=False):
    """Waits until url answers (any HTTP status, or with success_only a 2xx: JupyterHub's proxy
    answers 404 until the hub has registered its routes); fails early when the server died."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode} before {url} answered")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            if not success_only:
                return
            time.sleep(0.5)
        except OSError:
            time.sleep(0.5)
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
