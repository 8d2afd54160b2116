"""A student's view: headless Chromium opens the student version of Lab 1 in Jupyter Notebook,
runs its cells up to the first check cell with Shift+Enter, and reads the check's message.
Loopback only: the notebook server binds 127.0.0.1 and the browser resolves no other host."""

import os
import secrets
import shutil
import sys
import tempfile
import time
import unittest
from pathlib import Path

import nbformat

# The classroom scripts and these helpers, however the tests are started.
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import assign  # noqa: E402
import servers  # noqa: E402

LAB = assign.LABS / "lab1-masks.ipynb"
CHROMEDRIVER = "/usr/bin/chromedriver"


@unittest.skipUnless(Path(CHROMEDRIVER).exists(), "needs Debian's chromium and chromium-driver (environment/lab setup)")
class BrowserTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        cls.dir = Path(tempfile.mkdtemp(prefix="lab-browser-"))
        student, _, _ = assign.assign(LAB, cls.dir / "classroom")
        cls.notebooks = cls.dir / "notebooks"
        cls.notebooks.mkdir()
        shutil.copy(student, cls.notebooks / student.name)
        cls.cells = nbformat.read(str(student), as_version=4).cells
        port, token = servers.free_ports(1), secrets.token_hex(16)
        command = [sys.executable, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
                   f"--NotebookApp.token={token}", f"--notebook-dir={cls.notebooks}"]
        command += ["--allow-root"] if os.geteuid() == 0 else []
        cls.log = open(cls.dir / "notebook.log", "w")
        cls.server = servers.start(command, dict(os.environ, LAB_PROFILE="smoke"), cls.log)
        cls.url = f"http://127.0.0.1:{port}/notebooks/{student.name}?token={token}"
        servers.wait_for_json(f"http://127.0.0.1:{port}/api/status?token={token}", cls.server, 60, "started")
        options = webdriver.ChromeOptions()
        for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                     "--proxy-server=direct://", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                     f"--user-data-dir={cls.dir / 'chromium'}"]:
            options.add_argument(flag)
        cls.browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        servers.stop(cls.server)
        cls.log.close()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def wait(self, condition, seconds, what):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if condition():
                return
            time.sleep(0.5)
        self.fail(f"{what} within {seconds} s")

    def test_a_check_cell_shows_its_message(self):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.common.action_chains import ActionChains
        browser = self.browser
        browser.get(self.url)
        idle = lambda: browser.find_elements(By.CSS_SELECTOR, "#kernel_indicator_icon.kernel_idle_icon")  # noqa: E731
        self.wait(idle, 120, "the Java kernel did not become idle")
        first_check = next(i for i, c in enumerate(self.cells) if c.metadata.get("lotterylab", {}).get("role") == "checks")
        browser.find_elements(By.CSS_SELECTOR, "#notebook-container .cell")[0].click()
        for _ in range(first_check + 1):  # Shift+Enter runs the selected cell and selects the next
            ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
            time.sleep(0.2)
        check = browser.find_elements(By.CSS_SELECTOR, "#notebook-container .cell")[first_check]
        self.wait(lambda: "not answered yet" in check.find_element(By.CSS_SELECTOR, ".output_wrapper").text, 180,
                  "the check cell showed no 'not answered yet'")
        self.assertIn("q1 · Count the prunable weights", check.find_element(By.CSS_SELECTOR, ".output_wrapper").text)


if __name__ == "__main__":
    unittest.main()
