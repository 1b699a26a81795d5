#!/usr/bin/env python3
"""Time and peak memory of one page as it grows: measures, does not judge.

    benches/growth.py [--sizes 1,2,4,8,16] [--shapes repeated,varied,alto] [--bin PATH] [--no-build]

Makes one page per shape and size (MB) in a temporary folder and runs
`newsseg process PAGE -q -j1` on each, printing wall and user seconds, peak RSS (the
kernel's figure for the process, from wait4), the time against the next smaller size, and
peak RSS against 4 x the page's size + 100 MB. Shapes:
  repeated  the fixtures' text pages concatenated, over and over (a volume that repeats stories)
  varied    the generated bench pages of target/bench/*/pages concatenated (run
            ../shared/eval/bench once to make them); skipped without them
  alto      the ALTO fixture's blocks repeated down one tall page (blocks re-numbered)
Prints one line per page and a JSON line per shape with the figures.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MB = 1 << 20


def repeated(n):
    unit = b"".join(open(p, "rb").read() + b"\n\n" for p in sorted(glob.glob(os.path.join(REPO, "fixtures/*/page.txt"))))
    return cut((unit * (n // len(unit) + 1))[:n])


def varied(n):
    pages = sorted(glob.glob(os.path.join(REPO, "target/bench/*-s7-n60/pages/*.txt")))
    if not pages:
        return None
    out, i = [], 0
    size = 0
    while size < n:
        b = open(pages[i % len(pages)], "rb").read() + b"\n\n"
        out.append(b)
        size += len(b)
        i += 1
    return cut(b"".join(out)[:n])


def alto(n):
    xml = open(os.path.join(REPO, "fixtures/en-millbrook-1911-alto/page.xml"), encoding="utf-8").read()
    m = re.search(r"(<PrintSpace[^>]*>)(.*)(</PrintSpace>)", xml, re.S)
    head, body, tail = xml[: m.start(2)], m.group(2), xml[m.end(2):]
    height = int(re.search(r'<Page [^>]*HEIGHT="(\d+)"', xml).group(1))
    copies = max(1, n // len(body.encode()))
    parts = []
    for i in range(copies):
        b = re.sub(r'VPOS="(\d+(?:\.\d+)?)"', lambda v: f'VPOS="{float(v.group(1)) + i * height:g}"', body)
        parts.append(re.sub(r'ID="([^"]+)"', lambda v: f'ID="{v.group(1)}_{i}"', b))
    page = head + "".join(parts) + tail
    page = re.sub(r'(<Page [^>]*HEIGHT=")\d+(")', lambda v: f"{v.group(1)}{height * copies}{v.group(2)}", page, count=1)
    page = re.sub(r'(<PrintSpace [^>]*HEIGHT=")\d+(")', lambda v: f"{v.group(1)}{height * copies}{v.group(2)}", page, count=1)
    return page.encode()


def cut(b):
    """Never ends inside a UTF-8 character."""
    while b and (b[-1] & 0xC0) == 0x80:
        b = b[:-1]
    if b and b[-1] >= 0xC0:
        b = b[:-1]
    return b


def run(binary, path):
    t0 = time.time()
    p = subprocess.Popen([binary, "process", path, "-q", "-j1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.time() - t0
    err = p.stderr.read().decode(errors="replace")
    return wall, ru.ru_utime, ru.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), err


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,2,4,8,16")
    ap.add_argument("--shapes", default="repeated,varied,alto")
    ap.add_argument("--bin", default=os.path.join(REPO, "target/release/newsseg"))
    ap.add_argument("--no-build", action="store_true")
    a = ap.parse_args()
    if not a.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    sizes = [float(s) for s in a.sizes.split(",")]
    makers = {"repeated": repeated, "varied": varied, "alto": alto}
    with tempfile.TemporaryDirectory(prefix="newsseg-growth-") as tmp:
        for shape in a.shapes.split(","):
            rows, prev = [], None
            for mb in sizes:
                data = makers[shape](int(mb * MB))
                if data is None:
                    print(f"{shape}: skipped (no target/bench pages: run ../shared/eval/bench once)")
                    break
                path = os.path.join(tmp, f"{shape}-{mb:g}.{'xml' if shape == 'alto' else 'txt'}")
                open(path, "wb").write(data)
                wall, user, rss, code, err = run(a.bin, path)
                size = len(data) / MB
                bound = 4 * size + 100
                ratio = f"{wall / prev:4.2f}x" if prev else "  -  "
                print(f"{shape:9} {size:6.2f} MB  {wall:7.2f} s wall  {user:7.2f} s user  {ratio} the last  "
                      f"peak RSS {rss:7.1f} MB (4x+100: {bound:6.1f}{'' if rss <= bound else ' OVER'})  exit {code}"
                      + (f"  {err.strip()[:200]}" if code else ""))
                rows.append({"mb": round(size, 2), "seconds": round(wall, 2), "user": round(user, 2), "rss_mb": round(rss, 1), "exit": code})
                prev = wall
                os.remove(path)
            if rows:
                print(json.dumps({"shape": shape, "load": os.getloadavg()[0], "pages": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
