"""The README's and the docs' examples are tests: their output must be what the library prints."""

from __future__ import annotations

import doctest
import re
import shlex
import subprocess
import sys
from pathlib import Path

README = Path(__file__).parent.parent / "README.md"


def test_readme_example_runs_as_written() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks, "README has no python example"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    names: dict[str, object] = {}  # one reading session: a later block uses an earlier import
    for i, block in enumerate(blocks):
        test = parser.get_doctest(block, names, f"README[{i}]", str(README), 0)
        runner.run(test, clear_globs=False)
        names.update(test.globs)
    assert runner.failures == 0


def test_the_worked_example_report_runs_as_written() -> None:
    path = README.parent / "docs" / "example-report.md"
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testfile(str(path), module_relative=False, optionflags=flags)
    assert result.attempted >= 4 and result.failed == 0


def test_the_cli_examples_print_what_docs_show() -> None:
    path = README.parent / "docs" / "cli.md"
    blocks = re.findall(r"```console\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks, "docs/cli.md has no console example"
    for block in blocks:
        command, *expected = block.rstrip("\n").split("\n")
        assert command.startswith("$ toponyms ")
        args = shlex.split(command.removeprefix("$ toponyms "))
        done = subprocess.run(
            [sys.executable, "-m", "toponyms", *args], capture_output=True, text=True, check=False
        )
        assert done.returncode in (0, 1), done.stderr
        assert done.stdout.rstrip("\n").split("\n") == expected
