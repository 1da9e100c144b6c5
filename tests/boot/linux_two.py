#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""TAP suite: two Linux domains and a native one share one CPU.

tests/boot/linux_two.ksh under QEMU TCG (SVM + NPT): alpha and beta boot
the stock kernel side by side and hello runs to its end; each reaches its
marker (the time each took is printed), their console lines carry their
own prefixes, and they boot interleaved, not one after the other.
Console input is granted to alpha only: a command typed runs in alpha
and nothing of it shows in beta. Typed `reboot -f` makes alpha's kernel
triple-fault (reboot=t): ksh stops alpha and says why; beta keeps
running, and input typed then is discarded (said in the log), not handed
to beta.
"""
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serial_session import Session, Tap, build_image  # noqa: E402

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.."))
build = os.environ.get("KSH_BUILD", "build")
out = os.path.join(build, "boot-tests/linux_two")
# Two stock kernels booting under TCG on one emulated CPU: minutes.
tmo = int(os.environ.get("KSH_LINUX_TIMEOUT", "720"))

tap = Tap(12)
img = build_image("tests/boot/linux_two.ksh", out, build,
                  [os.path.join(build, "images/linux"),
                   os.path.join(build, "guests")])
tap.ok(img is not None, "linux_two.ksh builds (log %s/build.log)" % out)
if img is None:
    sys.exit(0)


def line_at(pattern):
    m = re.search(pattern, s.text, re.M)
    return m.start() if m else None


s = Session(img, os.path.join(out, "serial.log"))
try:
    when = {}
    # Both markers, in whichever order they come; each timed.
    pending = {"alpha": r"^\[alpha\] ksh-init: shell on /dev/ttyS0$",
               "beta": r"^\[beta\] ksh-init: shell on /dev/ttyS0$"}
    while pending:
        alt = "|".join("(?:%s)" % p for p in pending.values())
        if s.wait_for(alt, max(1, tmo - s.elapsed())) is None:
            break
        for dom, p in list(pending.items()):
            if re.search(p, s.text, re.M):
                when[dom] = s.elapsed()
                del pending[dom]
    for dom in ("alpha", "beta"):
        ready = line_at(r"^\[%s\] KSH-LINUX-READY$" % dom)
        tap.ok(ready is not None and dom in when,
               "%s reaches KSH-LINUX-READY and its shell" % dom)
        if dom in when:
            tap.note("%s: QEMU start to its shell: %.0f s" % (dom, when[dom]))
    hello = s.wait_for(r"^ksh: domain hello exited with status 0$", 5)
    tap.ok(hello is not None and
           line_at(r"^\[hello\] DONE hello$") is not None,
           "the native hello domain runs to its end beside them")
    # Interleaved boots: each kernel printed before the other was ready.
    a_first = line_at(r"^\[alpha\] ")
    b_first = line_at(r"^\[beta\] ")
    a_ready = line_at(r"^\[alpha\] KSH-LINUX-READY$")
    b_ready = line_at(r"^\[beta\] KSH-LINUX-READY$")
    tap.ok(None not in (a_first, b_first, a_ready, b_ready) and
           a_first < b_ready and b_first < a_ready,
           "the two kernels boot interleaved (the schedule shares the CPU)")
    tap.ok(line_at(r"^\[alpha\] ALPHA-25$") is not None and
           line_at(r"^\[beta\] BETA-49$") is not None and
           line_at(r"^\[alpha\] BETA") is None and
           line_at(r"^\[beta\] ALPHA") is None,
           "each domain's output carries its own prefix")
    tap.ok(line_at(r"^ksh: console input goes to alpha's com1$") is not None,
           "console input is granted to alpha's UART")

    def ask(cmd, reply, tmo_s, tries=1):
        for _ in range(tries):
            since = len(s.text)
            s.type(cmd + "\r")
            got = s.wait_for(reply, tmo_s, since)
            if got:
                return got
        return None

    up = len(when) == 2
    typed = up and ask("echo TYPED-$((6*7))", r"^\[alpha\] TYPED-42$",
                       30, 6) is not None
    tap.ok(typed, "a command typed on the console runs in alpha")
    s.settle(5)
    tap.ok(typed and line_at(r"^\[beta\] .*TYPED") is None and
           line_at(r"^\[beta\] 42$") is None,
           "nothing typed reaches beta (no echo, no output)")
    stop = None
    if typed:
        s.type("reboot -f\r")
        stop = s.wait_for(r"^ksh: domain alpha stopped: guest shutdown "
                          r"\(triple fault\) at rip ", 120)
    tick = stop and s.wait_for(r"^\[beta\] BETA-TICK$", 120, stop.end())
    report = stop and re.search(
        r"^ksh: domain alpha: \d+ ms, exits: .*shutdown=1", s.text[stop.end():],
        re.M)
    tap.ok(stop is not None and report is not None and tick is not None,
           "alpha's typed reboot -f triple-faults it: ksh stops alpha "
           "with its exit counts, beta keeps running")
    late = None
    if tick:
        since = len(s.text)
        s.type("echo LATE-$((3*3))\r")
        late = s.wait_for(r"^ksh: console input discarded: no domain is "
                          r"granted the console", 60, since)
        s.settle(10)
    tap.ok(late is not None and
           line_at(r"^ksh: console input: alpha stopped; input is "
                   r"discarded from now$") is not None and
           line_at(r"^\[beta\] .*LATE") is None,
           "input typed after alpha stopped is discarded, not given to beta")
    tap.ok(re.search(r"Oops|BUG:|Call Trace|Kernel panic", s.text) is None,
           "no oops, BUG, call trace or panic in either kernel")
finally:
    s.close()
