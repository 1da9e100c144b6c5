#!/usr/bin/env python3
"""Writes a synthetic .ksh system for `make bench`: D native domains,
C message channels of 4 methods, R policy rules, all planned on CPU 0
(the runtime enforces one CPU: a second one would be refused, check
not-enforced).

usage: gen_system.py DOMAINS CHANNELS RULES > system.ksh

Deterministic: the same arguments give the same file. Domains get one of
D/10 types; channel i connects domain i mod D to (7i + 1) mod D (never
itself); rules mix allow and deny over domains, types and attributes, on
named channels, so policy compilation does real matching work.
"""
import sys


def main():
    d, c, r = (int(a) for a in sys.argv[1:4])
    frame_us = 100
    out = sys.stdout
    out.write('system "bench" {\n\tplatform { cpus 1; }\n')
    out.write("\tschedule {\n\t\tmajor %dus;\n" % (d * frame_us))
    out.write("\t\tcpu 0 { %s }\n" % (
        " ".join("d%d %dus;" % (i, frame_us) for i in range(d))))
    out.write("\t}\n}\n")
    ntypes = max(1, d // 10)
    out.write("type %s;\n" % ", ".join("t%d" % i for i in range(ntypes)))
    out.write("attribute even = %s;\n" % ", ".join(
        "t%d" % i for i in range(0, ntypes, 2)))
    for i in range(d):
        out.write('domain d%d : native "hello.elf" { memory 2M; type t%d; }\n'
                  % (i, i % ntypes))
    for i in range(c):
        a = i % d
        b = (7 * i + 1) % d
        if b == a:
            b = (b + 1) % d
        out.write("channel c%d : message d%d -> d%d { methods { "
                  "get(k); put(k, v); del(k); list(); } }\n" % (i, a, b))
    out.write("policy {\n")
    methods = ("get", "put", "del", "list")
    for k in range(r):
        i = k % c
        a = i % d
        b = (7 * i + 1) % d
        if b == a:
            b = (b + 1) % d
        kind = k // c
        if kind == 0:
            out.write("\tallow d%d d%d : c%d { get, list };\n" % (a, b, i))
        elif kind == 1:
            out.write("\tallow t%d * : c%d { put };\n" % (a % ntypes, i))
        elif kind == 2:
            out.write("\tdeny d%d d%d : c%d { del };\n" % (a, b, i))
        elif kind == 3:
            out.write("\tallow even t%d : c%d { del } audit;\n"
                      % (b % ntypes, i))
        else:
            out.write("\tallow * d%d : c%d { %s };\n"
                      % (b, i, methods[k % 4]))
    out.write("}\n")


main()
