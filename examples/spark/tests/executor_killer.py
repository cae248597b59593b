#!/usr/bin/env python3
"""Stands in for quotectl in the test of an executor lost in the middle of a partition.

On the first attempt at partition $KILL_PARTITION (the file $KILL_MARKER does not exist yet),
it gives the real quotectl ($KILL_REAL: absolute, or relative to the executor's folder, where
--archives unpacks the bundle) the first $KILL_AFTER documents, lets quotectl's
records reach the task, then kills the executor JVM it runs under (SIGKILL, as the kernel's
out-of-memory killer or a lost node would) and writes its pid to $KILL_MARKER. Every other run
is the real quotectl.
"""
import os
import signal
import subprocess
import sys
import time


def executor_of(pid: int):
    """The nearest ancestor of `pid` that is a Spark executor JVM, or None."""
    while pid > 1:
        with open(f"/proc/{pid}/cmdline", "rb") as command:
            if b"CoarseGrainedExecutorBackend" in command.read():
                return pid
        with open(f"/proc/{pid}/stat") as stat:
            pid = int(stat.read().rsplit(")", 1)[1].split()[1])
    return None


def main() -> None:
    real = os.path.abspath(os.environ["KILL_REAL"])
    if os.environ.get("QUOTECTL_SPARK_PARTITION") != os.environ["KILL_PARTITION"]:
        os.execv(real, [real] + sys.argv[1:])
    try:
        marker = os.open(os.environ["KILL_MARKER"], os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        os.execv(real, [real] + sys.argv[1:])
    executor = executor_of(os.getppid())
    if executor is None:
        os.write(marker, b"no executor JVM above this process")
        sys.exit("executor_killer: no executor JVM above this process (run it on a cluster, not local[N])")
    # quotectl reads the wrapper's standard input through the job's link, so it gets a pipe of its own.
    quotectl = subprocess.Popen([real] + sys.argv[1:], stdin=subprocess.PIPE)
    for number, line in enumerate(sys.stdin.buffer, start=1):
        quotectl.stdin.write(line)
        if number == int(os.environ["KILL_AFTER"]):
            break
    quotectl.stdin.flush()
    time.sleep(2)   # quotectl answers these documents; its records flow to the task
    os.write(marker, str(executor).encode())
    os.close(marker)
    os.kill(executor, signal.SIGKILL)
    quotectl.kill()
    os._exit(137)


if __name__ == "__main__":
    main()
