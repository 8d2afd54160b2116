"""The kernel against Jupyter's own conformance suite, jupyter_kernel_test (Debian's
python3-jupyter-kernel-test): every message the suite knows, validated against the protocol's schemas.

Usage, from the repository's root (environment/lab test runs it after mvn verify):
    /usr/bin/python3 -m unittest discover -v -s environment/kernel/src/test/python -p test_conformance.py
It tests the installed kernel 'lotterylab'; LAB_KERNEL_NAME names another kernelspec (one found
through JUPYTER_PATH, say, that starts a build under test). Every part of the suite runs except
its pager test: this kernel has no pager.
"""
import os
import unittest

import jupyter_kernel_test

# JShell starts in the background and compiles its first snippets slowly: the suite's own 15-second
# timeout is for a warm kernel.
WARM_UP_TIMEOUT = 300


class LabKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("LAB_KERNEL_NAME", "lotterylab")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A completion waits for JShell like a cell does, but leaves no trace in the history.
        cls.kc.complete("Math.", reply=True, timeout=WARM_UP_TIMEOUT)

    # kernel_info
    language_name = "java"
    file_extension = ".java"

    # execute: stdout, stderr, errors, results
    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("careful");'
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "Math.max(6, 7)", "result": "7"},
        {"code": '"lab".toUpperCase()', "result": "LAB"},
    ]

    # display_data: the display API every cell imports, with the kernel's renderers
    code_display_data = [
        {"code": 'display("shown");', "mime": "text/plain"},
        {"code": "display(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
    ]
    code_clear_output = 'display("soon gone");\nclearOutput();'

    # history: the search pattern is an SQLite glob over whole cells and matches one of the results'
    # cells only, so that the suite's "unique" search finds exactly one
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "1 ? 2*"

    # completion, inspection, completeness
    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "String.valueO", "matches": {"valueOf("}},
    ]
    code_inspect_sample = "Math.max"
    complete_code_samples = ["1 + 1", "int x = 1;", "class A {}", "%lsmagic", ""]
    incomplete_code_samples = ["class A {", "int f() {\n  return 1;", 'String s = "a" +']
    invalid_code_samples = ["int x = 1 +;", ")))", "else {}"]

    @unittest.skip("the kernel has no pager: documentation comes through inspect_request (Shift-Tab)")
    def test_pager(self):
        pass


if __name__ == "__main__":
    unittest.main()
