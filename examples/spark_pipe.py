#!/usr/bin/env python3
"""newsseg in Spark, as RDD.pipe runs it: the README's recipe as a file that runs.

    python3 examples/spark_pipe.py PAGES_DIR OUT_DIR
        The recipe: every file below PAGES_DIR is sent to newsseg as its bytes
        ({"id": path, "bytes_b64": ...}: any encoding, ALTO, hOCR, gzip, read as a file is),
        one page JSON line comes out per good page, into OUT_DIR (Spark's part files).
        Pages that fail are reported on the executors' stderr, each named by its path.
        Run it with spark-submit, or with python3 where pyspark is installed (local mode).

    python3 examples/spark_pipe.py
        A self-check: the bundled fixtures, a GB18030 page and a file that is no page, through
        the recipe in a temporary folder, checked against a direct `newsseg process` run.
        Exits 0 only if every page comes out exactly once with the content of the direct run
        (apart from id and source.path), the GB18030 page comes out Chinese, and the bad file
        is named by its id. Without pyspark (or with NEWSSEG_SPARK=off) it runs the same
        command the same way RDD.pipe does (an empty environment but PATH, one process per
        partition) without Spark, and says so.

newsseg must be on PATH (or NEWSSEG=/path/to/newsseg).
"""

import base64
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

NEWSSEG = os.environ.get("NEWSSEG", "newsseg")


def pipe_command(errors_to=None):
    """The command each partition is piped through.

    RDD.pipe starts it with an empty environment: PATH is passed in `env` (see run_spark), and
    newsseg is named by its path where NEWSSEG gives one. Exit 1 means some records failed
    (each named on stderr): the partition's good pages are kept. Any other failure (2: bad
    flags, 127: newsseg not found) fails the task with its own code, not a 1 that hides it."""
    cmd = f"{shlex.quote(NEWSSEG)} process --stdin-jsonl - -j 1 --quiet"
    if errors_to:
        cmd += f" 2>>{shlex.quote(errors_to)}"
    return ["sh", "-c", cmd + '; s=$?; [ "$s" -le 1 ] || exit "$s"']


def record(path, data):
    """One page as a JSON Lines record: its bytes as they are in the file, so nothing decodes
    (and garbles) a page that is not UTF-8 before newsseg reads it."""
    return json.dumps({"id": path, "bytes_b64": base64.b64encode(data).decode("ascii")})


def run_spark(pages_dir, out_dir, errors_to=None, partitions=None):
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("newsseg")
    if "spark.master" not in conf.getAll() and not os.environ.get("SPARK_MASTER"):
        conf = conf.setIfMissing("spark.master", "local[2]")
    sc = SparkContext.getOrCreate(conf)
    try:
        sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
        files = sc.binaryFiles(pages_dir, minPartitions=partitions or sc.defaultParallelism)
        records = files.map(lambda kv: record(kv[0], kv[1]))
        env = {"PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin")}
        out = records.pipe(" ".join(shlex.quote(a) for a in pipe_command(errors_to)), env=env, checkCode=True)
        out.saveAsTextFile(out_dir)
    finally:
        sc.stop()


def run_without_spark(pages_dir, out_dir, errors_to, partitions=2):
    """What RDD.pipe does with each partition, without Spark: the records of a partition on the
    command's stdin, in a process whose environment holds PATH alone."""
    paths = sorted(os.path.join(r, f) for r, _, fs in os.walk(pages_dir) for f in fs)
    os.makedirs(out_dir)
    env = {"PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin")}
    for p in range(partitions):
        part = [record("file:" + path, open(path, "rb").read()) for path in paths[p::partitions]]
        run = subprocess.run(pipe_command(errors_to), input=("\n".join(part) + "\n").encode(), env=env, stdout=subprocess.PIPE)
        if run.returncode != 0:
            sys.exit(f"partition {p}: the pipe command exited {run.returncode}")
        with open(os.path.join(out_dir, f"part-{p:05d}"), "wb") as f:
            f.write(run.stdout)


ZH = "## 西瓜上市\n\n通讯员 高军\n\n眼下，西瓜陆续成熟，新鲜上市。瓜农们每天凌晨就开始采摘西瓜、装箱，运往各地市场。\n"


def self_check():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    use_spark = os.environ.get("NEWSSEG_SPARK", "auto") != "off"
    if use_spark:
        try:
            import pyspark  # noqa: F401
        except ImportError:
            use_spark = False
    tmp = tempfile.mkdtemp(prefix="newsseg-spark-")
    try:
        pages = os.path.join(tmp, "pages")
        fixtures = os.path.join(repo, "fixtures")
        for case in sorted(os.listdir(fixtures)):
            for name in os.listdir(os.path.join(fixtures, case)):
                if name.startswith("page.") and not name.endswith(".png"):
                    os.makedirs(os.path.join(pages, case), exist_ok=True)
                    shutil.copy(os.path.join(fixtures, case, name), os.path.join(pages, case, name))
        os.makedirs(os.path.join(pages, "zh-gb18030"))
        with open(os.path.join(pages, "zh-gb18030", "page.txt"), "wb") as f:
            f.write(ZH.encode("gb18030"))
        os.makedirs(os.path.join(pages, "bad"))
        bad = os.path.join(pages, "bad", "scan.txt")
        with open(bad, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        out, errors = os.path.join(tmp, "out"), os.path.join(tmp, "errors.log")
        if use_spark:
            run_spark(pages, out, errors_to=errors, partitions=3)
            how = "in PySpark local mode (RDD.binaryFiles -> RDD.pipe -> saveAsTextFile)"
        else:
            run_without_spark(pages, out, errors)
            how = "without Spark (pyspark not installed, or NEWSSEG_SPARK=off): the pipe command run as RDD.pipe runs it"
        got = {}
        dupes = []
        for part in sorted(os.listdir(out)):
            if part.startswith("part-"):
                for line in open(os.path.join(out, part), encoding="utf-8"):
                    if line.strip():
                        page = json.loads(line)
                        rel = os.path.relpath(page["id"].split(":", 1)[1], pages)
                        dupes += [rel] if rel in got else []
                        got[rel] = page
        direct = os.path.join(tmp, "direct")
        subprocess.run([NEWSSEG, "process", pages, "-o", direct, "-q"], check=False, stderr=subprocess.DEVNULL)
        want = {}
        for r, _, fs in os.walk(direct):
            for f in fs:
                want[os.path.relpath(os.path.join(r, f), direct)] = json.load(open(os.path.join(r, f), encoding="utf-8"))
        problems = []
        if dupes:
            problems.append(f"pages out more than once: {dupes}")
        expected = {os.path.splitext(k)[0] for k in want}
        came = {os.path.splitext(k)[0] for k in got}
        if came != expected:
            problems.append(f"pages missing {sorted(expected - came)}, unexpected {sorted(came - expected)}")
        strip = lambda p: {k: (v if k != "source" else {a: b for a, b in v.items() if a != "path"}) for k, v in p.items() if k != "id"}
        for rel, page in got.items():
            d = want.get(os.path.splitext(rel)[0] + ".json")
            if d is not None and strip(page) != strip(d):
                problems.append(f"{rel}: not what a direct run gives")
        gb = got.get("zh-gb18030/page.txt")
        if not gb or gb["language"] != "zh" or gb["source"]["encoding"] != "gb18030" or gb["articles"][0]["headline"] != "西瓜上市":
            problems.append("the GB18030 page did not come out Chinese")
        log = open(errors, encoding="utf-8", errors="replace").read() if os.path.exists(errors) else ""
        if f'record "file:{bad}"' not in log or "not a text page" not in log:
            problems.append(f"the bad file is not named by its id on stderr: {log!r}")
        print(f"spark_pipe: ran {how}")
        print(f"spark_pipe: {len(got)} pages out, each once, {len(want)} in the direct run; "
              f"content equal to it apart from id and source.path; the GB18030 page read as gb18030, Chinese; "
              f"the bad file named by its id: {log.strip().splitlines()[0] if log.strip() else '(nothing)'}")
        for p in problems:
            print("spark_pipe: FAILED:", p)
        return 1 if problems else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 1:
        sys.exit(self_check())
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    run_spark(sys.argv[1], sys.argv[2])
