#!/usr/bin/env bash
# The Spark recipe (examples/spark_pipe.py) run in PySpark's local mode, as a user would run it:
# the bundled fixtures, a GB18030 page and a file that is no page, through RDD.binaryFiles ->
# RDD.pipe -> saveAsTextFile, checked against a direct `newsseg process` run.
#
#   benches/spark-local.sh [--no-build]
#
# Needs python3 with pyspark (`pip install pyspark`) and Java (`apt-get install -y
# default-jre-headless`); says what is missing and exits 2 without them. Builds the release
# binary and puts it first on PATH. Prints what it checked; exits non-zero if a check failed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=1
[ "${1:-}" = "--no-build" ] && build=0
command -v python3 >/dev/null || { echo "spark-local: no python3" >&2; exit 2; }
python3 -c 'import pyspark' 2>/dev/null || { echo "spark-local: no pyspark (pip install pyspark)" >&2; exit 2; }
command -v java >/dev/null || { echo "spark-local: no java (apt-get update && apt-get install -y default-jre-headless)" >&2; exit 2; }
if [ "$build" = 1 ]; then (cd "$repo" && cargo build --release --quiet); fi
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
ln -s "$repo/target/release/newsseg" "$bin/newsseg"
echo "spark-local: pyspark $(python3 -c 'import pyspark; print(pyspark.__version__)'), $(java -version 2>&1 | head -1)"
cd "$repo"
PATH="$bin:$PATH" NEWSSEG_SPARK=on python3 examples/spark_pipe.py 2> >(grep -v -E '^(WARN|Setting default log level|To adjust logging|Using Spark|\[Stage)' >&2)
