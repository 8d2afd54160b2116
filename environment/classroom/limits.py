"""The limits a submission's kernel runs under: wall time and resident memory.

The Java heap is capped by the JVM itself (kernelspecs.with_heap, with heap_mb of the limit); memory
outside the heap (PyTorch's tensors) is watched here: a kernel whose resident set grows past the
limit is killed, as is one that runs past its time.
"""

import os
import signal
import threading
import time

# The heap gets half the memory limit: the rest is for PyTorch's native memory, the JIT and threads.
HEAP_SHARE = 0.5


def heap_mb(memory_mb):
    """The Java heap of a kernel under memory_mb MiB in all."""
    return max(64, int(memory_mb * HEAP_SHARE))


def resident_mb(pid):
    """The resident set of a process in MiB, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    return None


class Watchdog(threading.Thread):
    """Kills a kernel that runs past its time or memory; `reason` then says which limit, in words."""

    def __init__(self, pid, seconds, memory_mb, interval=0.25):
        super().__init__(daemon=True)
        self.pid = pid
        self.deadline = time.monotonic() + seconds
        self.seconds = seconds
        self.memory_mb = memory_mb
        self.interval = interval
        self.reason = None
        self.peak_mb = 0.0
        self._stop = threading.Event()

    def run(self):
        while not self._stop.wait(self.interval):
            rss = resident_mb(self.pid)
            if rss is None:
                return
            self.peak_mb = max(self.peak_mb, rss)
            if rss > self.memory_mb:
                self._kill(f"exceeded the memory limit of {self.memory_mb:.0f} MiB ({rss:.0f} MiB in use)")
                return
            if time.monotonic() > self.deadline:
                self._kill(f"ran past the time limit of {self.seconds:g} s (an endless loop?)")
                return

    def _kill(self, reason):
        self.reason = reason
        try:
            os.killpg(self.pid, signal.SIGKILL)  # the kernel leads its own process group
        except (ProcessLookupError, PermissionError):
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def stop(self):
        self._stop.set()
