"""environment/lab hub: two students log in to JupyterHub and each runs a Java cell in a kernel of
their own, as themselves, with the labs in their home. Needs root (it creates two accounts and
removes them afterwards) and Debian's jupyterhub."""

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import uuid
from pathlib import Path

# The classroom scripts and these helpers, however the tests are started.
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import servers  # noqa: E402

HUB = Path(__file__).resolve().parents[1] / "hub.py"
STUDENTS = [f"labstudent{uuid.uuid4().hex[:6]}{i}" for i in (1, 2)]
OUTSIDER = f"laboutsider{uuid.uuid4().hex[:6]}"
CODE = 'System.getProperty("user.name") + " " + ProcessHandle.current().pid() + " " + ' \
       'new java.io.File(System.getProperty("user.home"), "labs/lab1-masks.ipynb").exists()'


@unittest.skipUnless(os.geteuid() == 0, "the hub test creates accounts: run it as root (CI does)")
@unittest.skipUnless(shutil.which("jupyterhub"), "needs Debian's jupyterhub (environment/lab setup installs it)")
class HubTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        import requests  # noqa: F401 (Debian's python3-requests comes with jupyterhub)
        cls.dir = Path(tempfile.mkdtemp(prefix="lab-hub-"))
        os.chmod(cls.dir, 0o755)
        for name in STUDENTS:
            subprocess.run([sys.executable, str(HUB), "add-user", name, "--password-stdin"], input=f"pw-{name}\n",
                           text=True, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["useradd", "--create-home", OUTSIDER], check=True)
        subprocess.run(["chpasswd"], input=f"{OUTSIDER}:pw-{OUTSIDER}\n", text=True, check=True)
        cls.port = servers.free_ports(3)
        env = dict(os.environ, LAB_HUB_DIR=str(cls.dir / "hub"), LAB_HUB_PORT=str(cls.port), LAB_PROFILE="smoke",
                   LAB_CLASSROOM=str(cls.dir / "classroom"), PYTHONUNBUFFERED="1")
        cls.log = open(cls.dir / "hub.log", "w")
        cls.hub = servers.start([sys.executable, str(HUB)], env, cls.log)
        cls.base = f"http://127.0.0.1:{cls.port}"
        servers.wait_for_json(cls.base + "/hub/api", cls.hub, 300, "version")

    @classmethod
    def tearDownClass(cls):
        servers.stop(cls.hub)
        cls.log.close()
        for name in STUDENTS + [OUTSIDER]:
            subprocess.run(["userdel", "--remove", name], stderr=subprocess.DEVNULL)
            shutil.rmtree(f"/tmp/hsperfdata_{name}", ignore_errors=True)  # what the students' JVMs left
        shutil.rmtree(cls.dir, ignore_errors=True)

    def login(self, name):
        import requests
        session = requests.Session()
        form = session.get(self.base + "/hub/login").text
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', form)
        data = {"username": name, "password": f"pw-{name}", **({"_xsrf": xsrf.group(1)} if xsrf else {})}
        self.answer = session.post(self.base + "/hub/login?next=", data=data, timeout=120)
        return session

    def open_server(self, name, session, seconds=360):
        """Visits the student's labs until their server runs (the first start takes a while) and has
        let the session in (its own cookie, through the hub's OAuth)."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            page = session.get(f"{self.base}/user/{name}/tree/labs", timeout=60)
            if page.status_code == 200 and page.url.endswith(f"/user/{name}/tree/labs") \
                    and session.cookies.get(f"jupyterhub-user-{name}"):
                return
            time.sleep(2)
        # The log's telling lines (logins, spawns, warnings and errors), not the polling.
        log = [line for line in (self.dir / "hub.log").read_text(errors="replace").splitlines()
               if re.search(r"POST|PAM|[Ss]pawn|\[[WEC] |rror|Traceback", line)][-60:]
        login = f"the login answered {self.answer.status_code} at {self.answer.url}"
        self.fail(f"{name}'s server did not start within {seconds} s ({login}); from the hub's log:\n" + "\n".join(log))

    def run_cell(self, name, session, code):
        """Starts a Java kernel in the student's server and returns the text of the cell's value."""
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect
        headers = {"X-XSRFToken": session.cookies.get("_xsrf", "")}
        kernel = session.post(f"{self.base}/user/{name}/api/kernels", json={"name": "lotterylab"}, headers=headers,
                              timeout=60).json()["id"]

        async def execute():
            cookie = "; ".join(f"{k}={v}" for k, v in session.cookies.get_dict().items())
            url = f"ws://127.0.0.1:{self.port}/user/{name}/api/kernels/{kernel}/channels"
            socket = await websocket_connect(HTTPRequest(url, headers={"Cookie": cookie, **headers}))
            msg_id = uuid.uuid4().hex
            socket.write_message(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": name,
                           "session": uuid.uuid4().hex, "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell",
                "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False}}))
            deadline = time.time() + 180
            while time.time() < deadline:
                message = json.loads(await socket.read_message())
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if message["msg_type"] == "execute_result":
                    return message["content"]["data"]["text/plain"]
                if message["msg_type"] == "error":
                    self.fail(f"the cell failed for {name}: {message['content']['evalue']}")
            self.fail(f"no result for {name} within 180 s")

        return asyncio.run(execute())

    def test_two_students_each_run_a_java_cell_in_their_own_kernel(self):
        answers = {}
        for name in STUDENTS:
            session = self.login(name)
            self.open_server(name, session)
            answers[name] = self.run_cell(name, session, CODE).split()
        for name, (user, pid, labs) in answers.items():
            self.assertEqual(name, user, "the kernel must run as the student")
            self.assertEqual("true", labs, "the student versions must be in ~/labs")
        self.assertNotEqual(*[pid for _, pid, _ in answers.values()])

    def test_an_account_outside_the_group_is_refused(self):
        session = self.login(OUTSIDER)
        self.assertIsNone(session.cookies.get("jupyterhub-hub-login"), "the hub let in an account outside 'lotterylab'")
        answer = session.get(f"{self.base}/user/{OUTSIDER}/api/status", timeout=30, allow_redirects=False)
        self.assertNotEqual(200, answer.status_code)


if __name__ == "__main__":
    unittest.main()
