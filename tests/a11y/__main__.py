"""Start the accessibility stack headless (a virtual X server, a session bus, at-spi2-core, a
window manager), open the app on the bundled briefing in it, walk every tab with pyatspi and stop
everything again.

Run from the project's folder with Debian's ``python3`` (it has pyatspi):
``python3 -m tests.a11y --python .venv/bin/python`` (that Python runs the app, from this folder).
Exits 1 when a node is unnamed or a tab traps the keyboard.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def started(
    stack: ExitStack, command: list[str], env: dict[str, str], **options
) -> subprocess.Popen:
    """A process that is ended, by its own id, when ``stack`` closes."""
    process = subprocess.Popen(command, env=env, **options)

    def end() -> None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    stack.callback(end)
    return process


def display(stack: ExitStack, env: dict[str, str], number: str) -> str:
    """A virtual X server on display ``number``, or on the first free one when it is empty."""
    read, write = os.pipe()
    command = ["Xvfb", "-screen", "0", "1400x900x24", "-nolisten", "tcp"]
    command += [f":{number}"] if number else ["-displayfd", str(write)]
    started(stack, command, env, pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    if number:
        time.sleep(1)
        os.close(read)
        return f":{number}"
    with os.fdopen(read) as pipe:
        return f":{pipe.readline().strip()}"


def session_bus(stack: ExitStack, env: dict[str, str]) -> str:
    bus = started(
        stack,
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert bus.stdout is not None
    return bus.stdout.readline().strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=".venv/bin/python", help="the Python that runs the app")
    parser.add_argument("--display", default="", help="X display number (default: a free one)")
    parser.add_argument("--tabs", default="", help="tab numbers to walk, as 5,6 (default: all)")
    arguments = parser.parse_args()
    with ExitStack() as stack, tempfile.TemporaryDirectory() as home:
        env = dict(os.environ)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = str(Path(home) / name.lower())
        runtime = Path(home) / "runtime"
        runtime.mkdir(mode=0o700)
        env["XDG_RUNTIME_DIR"] = str(runtime)
        env["DISPLAY"] = display(stack, env, arguments.display)
        env["DBUS_SESSION_BUS_ADDRESS"] = session_bus(stack, env)
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        started(stack, [BUS_LAUNCHER, "--launch-immediately"], env, **quiet)
        started(stack, ["openbox"], env, **quiet)  # without a window manager no key reaches
        app_env = dict(
            env, QT_QPA_PLATFORM="xcb", QT_ACCESSIBILITY="1", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1"
        )
        started(stack, [arguments.python, "-m", "viewer", "--no-watch"], app_env, **quiet)
        os.environ.update(env)  # pyatspi finds the bus through these when it is imported
        from tests.a11y.walk import walk

        failures = walk({int(n) for n in arguments.tabs.split(",") if n})
    print("no unnamed node, no trap" if not failures else f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
