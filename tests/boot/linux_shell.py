#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""TAP suite: the serial shell of a Linux domain is interactive.

examples/linux_shell.ksh under QEMU TCG (SVM + NPT): once the guest's
/init has started its shell on ttyS0, commands are typed into QEMU's
serial port (the ksh console, COM1); ksh polls it and hands the bytes to
the domain's emulated 16550A (kernel/core/console_in.c). The replies
must be what only the guest can compute: arithmetic the shell expands,
the kernel release, a word of /proc/cmdline that is never typed, the
tty's ^C interrupting a command. `reboot -f`, typed, stops the domain and
the report counts the bytes delivered.
"""
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serial_session import Session, Tap, build_image  # noqa: E402

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.."))
build = os.environ.get("KSH_BUILD", "build")
out = os.path.join(build, "boot-tests/linux_shell")
tmo = int(os.environ.get("KSH_LINUX_TIMEOUT", "420"))
P = r"^\[linux\] "

tap = Tap(11)
img = build_image("examples/linux_shell.ksh", out, build,
                  [os.path.join(build, "images/linux")])
tap.ok(img is not None, "linux_shell.ksh builds (log %s/build.log)" % out)
if img is None:
    sys.exit(0)
rel = open(os.path.join(build, "images/linux/kernel-release")).read().strip()
s = Session(img, os.path.join(out, "serial.log"))
try:
    m = s.wait_for(P + r"ksh-init: shell on /dev/ttyS0$", tmo)
    tap.note("QEMU start to the shell: %.0f s" % s.elapsed())
    ok = tap.ok(m is not None and re.search(
        r"^ksh: console input goes to linux's com1$", s.text, re.M),
        "the domain is granted console input and reaches its shell")

    def ask(cmd, reply, tmo_s=60, tries=1):
        """Types cmd, waits for a line matching reply after it."""
        for _ in range(tries):
            since = len(s.text)
            s.type(cmd + "\r")
            got = s.wait_for(P + reply, tmo_s, since)
            if got:
                return got
        return None

    # The shell may still be starting: probe until a typed line runs.
    probe = ok and ask("echo KSH-PROBE-$((40+2))", r"KSH-PROBE-42$", 20, 6)
    tap.ok(probe is not None, "a typed command runs: echo KSH-PROBE-$((40+2))"
           " prints KSH-PROBE-42")
    tap.ok(probe is not None and re.search(
        P + r".*echo KSH-PROBE-\$\(\(40\+2\)\)$", s.text, re.M),
        "the tty echoes what was typed")
    tap.ok(probe is not None and ask("echo $((6*7))", r"42$") is not None,
           "echo $((6*7)) gives 42")
    tap.ok(probe is not None and
           ask("uname -r", re.escape(rel) + "$") is not None,
           "uname -r gives the image's kernel release (%s)" % rel)
    tap.ok(probe is not None and
           ask("cat /proc/cmdline", r"console=ttyS0 .*ksh\.shelltest=7f3a91")
           is not None,
           "cat /proc/cmdline shows a word that was never typed")
    tap.ok(probe is not None and
           ask("for i in 3 2 1; do printf 'n%s.' $i; done; echo",
               r"n3\.n2\.n1\.$") is not None,
           "a loop typed on one line runs")
    # ^C through the tty's line discipline: the shell's job is
    # interrupted long before its 300 s sleep ends.
    intr = False
    if probe is not None:
        s.type("sleep 300\r")
        s.settle(3)
        s.type("\x03")
        intr = ask("echo KSH-AFTER-INTR-$((2*3))", r"KSH-AFTER-INTR-6$",
                   60) is not None
    tap.ok(intr, "^C typed interrupts a running sleep 300")
    stopped = False
    if probe is not None:
        s.type("reboot -f\r")
        stopped = s.wait_for(r"^ksh: domain linux stopped: the guest asked "
                             r"for a system reset", 120) is not None
    tap.ok(stopped, "reboot -f, typed, stops the domain")
    rep = s.wait_for(r"^ksh: console input: (\d+) bytes received, (\d+) "
                     r"delivered, (\d+) queued, 0 dropped \(buffer full\), "
                     r"(\d+) discarded \(no grant\), 0 port overruns$", 30)
    tap.ok(rep is not None and int(rep.group(2)) >= 100 and
           int(rep.group(1)) == int(rep.group(2)) + int(rep.group(3)) +
           int(rep.group(4)),
           "the stop report counts the bytes: none dropped, all accounted")
    if rep:
        tap.note(rep.group(0))
finally:
    s.close()
