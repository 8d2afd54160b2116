"""JupyterHub for a class on one machine: `environment/lab hub` starts it with this file.

Students log in with their account on this machine (PAM) if it is in the group `lotterylab`;
each gets a notebook server of their own, running as them, with the Java kernel "Java (Lottery
Lab)" and the student versions of the labs in ~/labs (copied at first start, never overwritten).
It listens on 127.0.0.1 only. Settings come from the environment that hub.py sets:
LAB_HUB_DIR (the hub's files), LAB_HUB_PORT (default 8000; the proxy's API and the hub take the
next two ports), LAB_HUB_ADMINS (space-separated admin accounts), LAB_PROFILE (the kernels' profile).
"""

import os
import pwd
import shutil
from pathlib import Path

hub = Path(os.environ["LAB_HUB_DIR"])
port = int(os.environ.get("LAB_HUB_PORT", "8000"))
GROUP = os.environ.get("LAB_HUB_GROUP", "lotterylab")

c = get_config()  # noqa: F821 (JupyterHub defines it)
c.JupyterHub.bind_url = f"http://127.0.0.1:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = port + 2
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 1}"
c.ConfigurableHTTPProxy.pid_file = str(hub / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{hub / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(hub / "cookie_secret")

c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
c.PAMAuthenticator.allowed_groups = {GROUP}
c.Authenticator.admin_users = set(os.environ.get("LAB_HUB_ADMINS", "").split())

c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
# A class logging in at once loads the machine, and a notebook server can then take longer to start
# than JupyterHub's default 60 s: give it minutes.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 180
c.Spawner.default_url = "/tree/labs"
c.Spawner.environment = {
    "JUPYTER_PATH": str(hub / "share" / "jupyter"),  # the kernelspec
    "LAB_DATA": str(hub / "data"),
    "ENGINE_CACHE_DIR": str(hub / "djl"),  # PyTorch's native library, extracted once
    "LAB_PROFILE": os.environ.get("LAB_PROFILE", "quick"),
    "OMP_WAIT_POLICY": "PASSIVE",
}


def copy_labs(spawner):
    """Puts the student version of every lab into ~/labs, leaving a student's own copy alone."""
    account = pwd.getpwnam(spawner.user.name)
    labs = Path(account.pw_dir) / "labs"
    if not labs.exists():
        labs.mkdir(mode=0o755)
        os.chown(labs, account.pw_uid, account.pw_gid)
    for lab in sorted((hub / "labs").glob("*.ipynb")):
        target = labs / lab.name
        if not target.exists():
            shutil.copyfile(lab, target)
            os.chown(target, account.pw_uid, account.pw_gid)


c.Spawner.pre_spawn_hook = copy_labs
