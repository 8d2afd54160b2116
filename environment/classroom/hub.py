"""environment/lab hub: JupyterHub for a class sharing one machine.

    /usr/bin/python3 environment/classroom/hub.py                   prepare the hub's files and start it
    /usr/bin/python3 environment/classroom/hub.py add-user NAME     create a student's account (asks a password)
    /usr/bin/python3 environment/classroom/hub.py prepare           only prepare the hub's files

The hub listens on http://127.0.0.1:$LAB_HUB_PORT (default 8000) and lets in the accounts of the
group `lotterylab`; its files (the kernel's jars, the data, the student versions, PyTorch's native
library) live in $LAB_HUB_DIR (default /srv/lotterylab-hub), readable by every student. Needs root:
each student's notebook server runs as that student.
"""

import argparse
import grp
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import assign
import kernelspecs

ROOT = assign.ROOT
CONFIG = Path(__file__).resolve().parent / "jupyterhub_config.py"
GROUP = "lotterylab"


def hub_dir():
    return Path(os.environ.get("LAB_HUB_DIR") or "/srv/lotterylab-hub")


def require_root():
    if os.geteuid() != 0:
        raise SystemExit("[lab] error: the hub runs every student's notebook server as that student, which needs root: "
                         "run `sudo environment/lab hub`")


def mirror(source, target):
    """Puts source at target for every student to read: a hard link (no copy of the bytes, readable past
    a private home folder) when source is world-readable, else a copy made readable (a link would
    share, and a chmod change, the original's permissions)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    if source.stat().st_mode & stat.S_IROTH:
        try:
            os.link(source, target)
            return
        except OSError:
            pass  # another file system: copy
    shutil.copy2(source, target)
    os.chmod(target, 0o644)


def install_kernel(hub):
    """The installed Java kernel for every student, its class path copied into the hub's folder."""
    spec = kernelspecs.installed()
    jars = []
    for entry in map(Path, kernelspecs.class_path(spec)):
        copy = hub / "lib" / entry.relative_to("/")
        mirror(entry, copy)
        jars.append(str(copy))
    kernelspecs.write(kernelspecs.with_class_path(spec, jars), hub / "share" / "jupyter", kernelspecs.KERNEL)
    return spec["argv"][0], ":".join(jars)


def install_data(hub):
    """The data cache, hard-linked (or copied) into the hub's folder."""
    cache = Path(os.environ.get("LAB_DATA") or ROOT / "data" / "cache")
    for source in cache.rglob("*"):
        if source.is_file():
            mirror(source, hub / "data" / source.relative_to(cache))


def install_labs(hub):
    """The student version of every lab in notebooks/labs."""
    for source in sorted(assign.LABS.glob("*.ipynb")):
        student, _, _ = assign.assign(source, assign.classroom_dir())
        mirror(student, hub / "labs" / student.name)


def warm_engine(hub, java, jars):
    """Extracts PyTorch's native library once into the shared cache, where every kernel finds it."""
    env = dict(os.environ, ENGINE_CACHE_DIR=str(hub / "djl"), LAB_DATA=str(hub / "data"))
    subprocess.run([java, "-cp", jars, str(Path(__file__).resolve().parent / "EngineWarmUp.java")], env=env,
                   check=True, stdout=subprocess.DEVNULL)


def require_reachable(hub):
    """Every student's kernel reads the hub's files: no folder above them may be closed to others."""
    for parent in hub.resolve().parents:
        if not parent.stat().st_mode & stat.S_IXOTH:
            raise SystemExit(f"[lab] error: students could not reach {hub}: {parent} is closed to other accounts; "
                             "set LAB_HUB_DIR to a folder outside private homes (the default is /srv/lotterylab-hub)")


def prepare():
    require_root()
    hub = hub_dir()
    hub.mkdir(parents=True, exist_ok=True)
    require_reachable(hub)
    os.chmod(hub, 0o755)
    java, jars = install_kernel(hub)
    install_data(hub)
    install_labs(hub)
    warm_engine(hub, java, jars)
    for folder in [hub, *hub.rglob("*")]:
        if folder.is_dir():
            os.chmod(folder, 0o755)
    ensure_group()
    print(f"[lab] hub files ready in {hub}: kernel '{kernelspecs.KERNEL}', data, labs {sorted(p.stem for p in (hub / 'labs').glob('*.ipynb'))}")
    return hub


def ensure_group():
    try:
        grp.getgrnam(GROUP)
    except KeyError:
        subprocess.run(["groupadd", GROUP], check=True)


def add_user(name, password_stdin):
    require_root()
    ensure_group()
    subprocess.run(["useradd", "--create-home", "--groups", GROUP, "--shell", "/bin/bash", name], check=True)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
        subprocess.run(["chpasswd"], input=f"{name}:{password}\n", text=True, check=True)
    else:
        subprocess.run(["passwd", name], check=True)
    print(f"[lab] {name} can log in to the hub; the labs appear in /home/{name}/labs at the first start")


def serve(hub):
    port = os.environ.get("LAB_HUB_PORT", "8000")
    # Debian's configurable-http-proxy finds its modules in /usr/share/nodejs, where Debian's node
    # looks by itself; a Node.js from elsewhere (NodeSource) needs to be told.
    node_path = ":".join(filter(None, [os.environ.get("NODE_PATH"), "/usr/share/nodejs", "/usr/lib/nodejs"]))
    env = dict(os.environ, LAB_HUB_DIR=str(hub), NODE_PATH=node_path)
    print(f"[lab] JupyterHub on http://127.0.0.1:{port} for the accounts of the group '{GROUP}' (Ctrl-C stops it)",
          flush=True)
    os.chdir(hub)
    os.execvpe("jupyterhub", ["jupyterhub", "-f", str(CONFIG)], env)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", nargs="?", default="start", choices=["start", "prepare", "add-user"])
    parser.add_argument("name", nargs="?")
    parser.add_argument("--password-stdin", action="store_true", help="add-user: read the password from stdin")
    args = parser.parse_args()
    if args.action == "add-user":
        if not args.name:
            raise SystemExit("[lab] error: usage: environment/lab hub add-user NAME")
        add_user(args.name, args.password_stdin)
    elif args.action == "prepare":
        prepare()
    else:
        serve(prepare())


if __name__ == "__main__":
    sys.exit(main())
