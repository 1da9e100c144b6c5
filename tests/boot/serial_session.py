# SPDX-License-Identifier: MIT
"""Interactive serial sessions with a ksh image under QEMU TCG + OVMF.

Like tests/boot/qemu-boot.sh (same machine, firmware, ESP built with
mtools, isa-debug-exit), but COM1 is QEMU's stdio: what the machine prints
is read from QEMU's stdout (and copied to a log file), and what a test
types is written to QEMU's stdin, which QEMU hands to the emulated 16550
as its FIFO has room. Bytes typed before ksh runs would reach the
firmware's console instead, so tests type only once a guest is up.
"""
import os
import re
import selectors
import shutil
import subprocess
import tempfile
import time

OVMF_CODE = "/usr/share/OVMF/OVMF_CODE_4M.fd"
OVMF_VARS = "/usr/share/OVMF/OVMF_VARS_4M.fd"


class Session:
    def __init__(self, image, log_path, cpu="qemu64,+svm,+npt", mem_mb=512):
        self.work = tempfile.mkdtemp(prefix="ksh-serial-")
        vars_fd = os.path.join(self.work, "vars.fd")
        esp = os.path.join(self.work, "esp.img")
        shutil.copy(OVMF_VARS, vars_fd)
        # 32 MiB FAT16, as qemu-boot.sh makes it.
        for cmd in (["mformat", "-i", esp, "-C", "-T", "65536", "-h", "2",
                     "-s", "32", "::"],
                    ["mmd", "-i", esp, "::/EFI", "::/EFI/BOOT"],
                    ["mcopy", "-i", esp, image, "::/EFI/BOOT/BOOTX64.EFI"]):
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        self.log = open(log_path, "wb")
        self.text = ""  # everything printed so far, CRs removed
        self.start = time.monotonic()
        self.proc = subprocess.Popen(
            ["qemu-system-x86_64", "-machine", "q35", "-accel", "tcg",
             "-cpu", cpu, "-m", str(mem_mb), "-smp", "1",
             "-display", "none", "-no-reboot", "-net", "none",
             "-drive", "if=pflash,format=raw,unit=0,readonly=on,file="
             + OVMF_CODE,
             "-drive", "if=pflash,format=raw,unit=1,file=" + vars_fd,
             "-drive", "format=raw,file=" + esp,
             "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
             "-serial", "stdio", "-monitor", "none"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT)
        os.set_blocking(self.proc.stdout.fileno(), False)
        self.sel = selectors.DefaultSelector()
        self.sel.register(self.proc.stdout, selectors.EVENT_READ)

    def elapsed(self):
        return time.monotonic() - self.start

    def _pump(self, wait_s):
        """Reads what QEMU printed within wait_s; False once it exited."""
        if self.proc.stdout.closed:
            time.sleep(wait_s)
            return False
        for _ in self.sel.select(timeout=wait_s):
            data = self.proc.stdout.read()
            if not data:
                self.sel.unregister(self.proc.stdout)
                self.proc.stdout.close()
                return False
            self.log.write(data)
            self.log.flush()
            self.text += data.decode("latin-1").replace("\r", "")
        return self.proc.poll() is None

    def wait_for(self, pattern, timeout_s, since=0):
        """Waits until regex pattern (multiline) matches the output from
        offset since on. Returns the match, or None on timeout or exit."""
        rx = re.compile(pattern, re.M)
        deadline = time.monotonic() + timeout_s
        while True:
            m = rx.search(self.text, since)
            if m:
                return m
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            if not self._pump(min(left, 0.2)) and self.proc.poll() is not None:
                self._pump(0)
                m = rx.search(self.text, since)
                return m

    def type(self, s):
        """Types s on the serial console (CR for Enter, as a terminal)."""
        self.proc.stdin.write(s.encode())
        self.proc.stdin.flush()

    def settle(self, seconds):
        """Collects output for a while."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._pump(min(0.2, deadline - time.monotonic()))

    def wait_exit(self, timeout_s):
        deadline = time.monotonic() + timeout_s
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._pump(0.2)
        self._pump(0)
        return self.proc.poll()

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        while not self.proc.stdout.closed and self._pump(0):
            pass
        self.log.close()
        shutil.rmtree(self.work, ignore_errors=True)


class Tap:
    def __init__(self, plan):
        self.n = 0
        print("1..%d" % plan, flush=True)

    def ok(self, cond, name):
        self.n += 1
        print("%s %d - %s" % ("ok" if cond else "not ok", self.n, name),
              flush=True)
        return cond

    def note(self, text):
        for line in text.splitlines():
            print("# " + line, flush=True)


def build_image(ksh, out_dir, build, libdirs):
    """kshc --emit-c then scripts/link-image.sh, as linux_mixed.sh does.
    Returns the image path, or None (the log is in out_dir/build.log).
    out_dir is deleted first: nothing of an earlier run can stand in for
    an image that failed to build."""
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir, exist_ok=True)
    img = os.path.join(out_dir, "image.efi")
    with open(os.path.join(out_dir, "build.log"), "w") as log:
        cmd = [os.path.join(build, "bin/kshc"), ksh]
        for d in libdirs:
            cmd += ["-L", d]
        cmd += ["--emit-c", os.path.join(out_dir, "gen")]
        if subprocess.run(cmd, stdout=log, stderr=log).returncode != 0:
            return None
        env = dict(os.environ,
                   KSH_KERNEL_LIB=os.path.join(build, "lib/libksh-kernel.a"))
        rc = subprocess.run(
            ["scripts/link-image.sh", img,
             os.path.join(out_dir, "gen/tables.c"),
             os.path.join(out_dir, "gen/payloads.S")],
            stdout=log, stderr=log, env=env).returncode
    return img if rc == 0 else None
