#!/usr/bin/env python3
"""Where the CPU went in a JFR recording: the hottest methods from its execution samples.

    scripts/bench/jfr-top.py RECORDING.jfr [--top 25] [--depth 96] [--thread SUBSTRING]

Runs `jfr print --events jdk.ExecutionSample --stack-depth DEPTH` (the JDK's jfr tool) and prints
  - samples per thread (pools grouped by name without their number);
  - "self": the method on top of the stack (where the CPU actually was);
  - "inclusive, application": uk.org.quadrant methods anywhere on the stack (what called it);
  - "inclusive, libraries": H2, Micronaut Data/JDBC, serialisation, security frames anywhere on
    the stack, to tell the database, mapping and JSON costs apart.
Line numbers are dropped, so a method counts once per sample however many lines were sampled.
"""

import argparse
import collections
import re
import subprocess
import sys

LIB_PREFIXES = ("org.h2.", "io.micronaut.data.", "io.micronaut.serde.", "io.micronaut.json.", "com.fasterxml.",
                "io.micronaut.security.", "com.nimbusds.", "io.micronaut.transaction.", "com.zaxxer.")


def samples(path, depth, thread_filter):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", str(depth), path],
                          check=True, capture_output=True, text=True).stdout
    thread, frames, in_stack = None, [], False
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("sampledThread = "):
            m = re.match(r'sampledThread = "(.*)" \(javaThreadId', s)
            thread = m.group(1) if m else s
        elif s == "stackTrace = [":
            in_stack, frames = True, []
        elif in_stack and s == "]":
            in_stack = False
            if thread_filter is None or thread_filter in (thread or ""):
                yield thread, frames
        elif in_stack and s != "...":
            frames.append(re.sub(r"\s+line: \d+$", "", s))


def method(frame):
    """pkg.Class.method(args) -> pkg.Class.method"""
    return frame.split("(", 1)[0]


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("recording")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--depth", type=int, default=96)
    p.add_argument("--thread", help="only threads whose name contains this")
    a = p.parse_args(argv)

    threads, selfc, app, lib = (collections.Counter() for _ in range(4))
    n = 0
    for thread, frames in samples(a.recording, a.depth, a.thread):
        if not frames:
            continue
        n += 1
        threads[re.sub(r"-\d+$", "-N", thread or "?")] += 1
        selfc[method(frames[0])] += 1
        seen_app, seen_lib = set(), set()
        for f in frames:
            m = method(f)
            if m.startswith("uk.org.quadrant.") and "$Intercepted" not in m and m not in seen_app:
                seen_app.add(m)
                app[m] += 1
            if m.startswith(LIB_PREFIXES) and m not in seen_lib:
                seen_lib.add(m)
                lib[m] += 1
    if n == 0:
        print("no execution samples in %s" % a.recording)
        return

    def table(title, counter):
        print("\n%s" % title)
        for m, c in counter.most_common(a.top):
            print("%6d %5.1f%%  %s" % (c, 100.0 * c / n, m))

    print("%s: %d execution samples" % (a.recording, n))
    table("samples by thread", threads)
    table("self (top of stack)", selfc)
    table("inclusive, application (uk.org.quadrant)", app)
    table("inclusive, libraries (H2, Micronaut Data/serde/security, Hikari)", lib)


if __name__ == "__main__":
    main(sys.argv[1:])
