"""Kernelspecs made from the installed Java kernel's: the grader's, with its own heap, and the hub's,
with its own class path. Starting from what `environment/lab setup` installed keeps every other
option of the kernel as it is."""

import json
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

KERNEL = "lotterylab"
HEAP_OPTIONS = ("-Xmx", "-XX:MaxRAMPercentage=")


def installed(name=KERNEL):
    """The installed kernel's spec as a dict (argv, display_name, env, ...)."""
    try:
        return KernelSpecManager().get_kernel_spec(name).to_dict()
    except NoSuchKernel:
        raise SystemExit(f"[lab] error: no Jupyter kernel '{name}' is installed: run environment/lab setup")


def with_heap(spec, heap_mb):
    """The spec with the JVM's heap capped at heap_mb MiB, and a full heap ending the JVM at once
    (-XX:+ExitOnOutOfMemoryError): an out-of-memory submission stops recognisably instead of leaving a
    kernel whose threads may have failed anywhere."""
    argv = [a for a in spec["argv"] if not a.startswith(HEAP_OPTIONS)]
    argv[1:1] = [f"-Xmx{heap_mb}m", "-XX:+ExitOnOutOfMemoryError"]
    return {**spec, "argv": argv}


def with_temp_dir(spec, folder):
    """The spec with the JVM's temporary files (java.io.tmpdir) in folder."""
    argv = list(spec["argv"])
    argv[1:1] = [f"-Djava.io.tmpdir={folder}"]
    return {**spec, "argv": argv}


def class_path(spec):
    """The class path entries of the spec's JVM (its -cp argument)."""
    argv = spec["argv"]
    return argv[argv.index("-cp") + 1].split(":")


def with_class_path(spec, entries):
    argv = list(spec["argv"])
    argv[argv.index("-cp") + 1] = ":".join(entries)
    return {**spec, "argv": argv}


def write(spec, jupyter_dir, name):
    """Writes the spec as kernel `name` under jupyter_dir/kernels; returns its folder."""
    folder = Path(jupyter_dir) / "kernels" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kernel.json").write_text(json.dumps(spec, indent=2))
    return folder
