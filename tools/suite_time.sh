#!/usr/bin/env bash
# How long `make test` takes now against the suite as it was before issue 13 point 8, measured
# back to back on this machine with the same Python and packages (.venv):
#
#   before: commit 4c3abf6, the last one before the first of point 8's test speed-ups (74b08e2,
#           the seed PDF's pages read once per module; then run_cli in-process, the slow
#           marker, xdist), with that commit's own test command (its Makefile: python -m pytest);
#   now:    `make test` on HEAD (the suite on every core).
#
# Each runs in a clean git worktree under /tmp (uncommitted work in the checkout is not
# measured), with its own package first on the path, also for the programs the tests start.
# Prints both wall times and now/before. Run it on a quiet machine (it says when `uptime`'s load
# is 1.0 or more); it takes about ten minutes on two cores.
#
#   tools/suite_time.sh [BEFORE_COMMIT [NOW_COMMIT]]    (SUITE_TIMEOUT=1800 s per run; exit 124: it hung)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BEFORE=${1:-4c3abf6}
NOW=${2:-HEAD}
VENV=$ROOT/.venv
test -x "$VENV/bin/python" || { echo "no $VENV: run make test once first" >&2; exit 2; }

WORK=$(mktemp -d /tmp/suite-time-XXXXXX)
cleanup() {
    for tree in "$WORK/before" "$WORK/now"; do
        [ -d "$tree" ] && git -C "$ROOT" worktree remove --force "$tree" >/dev/null 2>&1 || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v l="$load" 'BEGIN { exit !(l >= 1.0) }'; then
    echo "warning: load average $load: other work is running, the times will not compare well" >&2
fi

# The history is parallel sessions' commits in one line: at 4c3abf6, ui/placements.py already
# imports ui/i18n.TrContext, which only 575f9d9 (later in the line) adds, so 17 UI test modules
# did not import. The class as 575f9d9 has it (six lines) is put in; nothing else changes.
fix_up() {
    local tree=$1 i18n=$1/samverkan_desktop/ui/i18n.py
    if grep -rqs "import TrContext" "$tree/samverkan_desktop" && ! grep -qs "class TrContext" "$i18n"; then
        printf '%s\n' '' '' 'class TrContext:' '    @classmethod' \
            '    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:' \
            '        return QCoreApplication.translate(cls.__name__, text, disambiguation, n)' \
            >>"$i18n"
        echo "   (ui/i18n.TrContext put in, as 575f9d9 has it)"
    fi
}

# run LABEL COMMIT: the suite of COMMIT by its own `make test` (the venv given, no install step).
run() {
    local label=$1 commit=$2 tree=$WORK/$1 start end rc=0
    git -C "$ROOT" worktree add --quiet --detach "$tree" "$commit"
    echo "== $label: $(git -C "$tree" log -1 --format='%h %s' | cut -c1-100)"
    fix_up "$tree"
    start=$(date +%s.%N)
    (cd "$tree" && PYTHONPATH="$tree" timeout "${SUITE_TIMEOUT:-1800}" \
        make --no-print-directory test VENV="$VENV" STAMP= >"$WORK/$label.log" 2>&1) || rc=$?
    end=$(date +%s.%N)
    tail -n 1 "$WORK/$label.log"
    cp "$WORK/$label.log" "/tmp/suite-time-$label.log"
    echo "$label: exit $rc, full log in /tmp/suite-time-$label.log"
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", e - s }' >"$WORK/$label.seconds"
}

if [ -n "${PYTHONDONTWRITEBYTECODE:-}" ]; then
    echo "note: PYTHONDONTWRITEBYTECODE is set here: before compiles every module in every" \
        "process, as its command did; now's make test keeps them (in .venv/pycache, from cold)"
fi

run before "$BEFORE"
run now "$NOW"

b=$(cat "$WORK/before.seconds")
n=$(cat "$WORK/now.seconds")
echo
echo "machine: $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "before ($BEFORE, python -m pytest): ${b} s"
echo "now    ($NOW, make test):       ${n} s"
awk -v b="$b" -v n="$n" 'BEGIN { printf "now/before: %.2f (%.0f %% less time)\n", n / b, 100 * (1 - n / b) }'
