#!/bin/bash
# Berkeley DB maps that cannot be used: missing, optional, zero-length,
# truncated, corrupt, of the other type, unreadable, unsafe (owner,
# mode, group/world-writable or unsearchable directory, symlinks), not a
# regular file.  /map and ruleset lookups must give the reference's
# messages, statuses and exit status byte for byte
# (test/mapdb/expected.out, made by test/mapdb/capture.sh) and never
# crash.  Runs in private UTS, network and mount namespaces (a tmpfs on
# /mnt holds the maps, so the paths are those of the capture).
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${SENDMAIL_BIN:-$TOP/build/sendmail}
D=$TOP/test/mapdb
if [ "$(id -u)" != 0 ] || ! unshare --uts --net --mount true 2>/dev/null; then
	echo "1..0 # SKIP needs root and unshare(1) for private namespaces"; exit 0
fi
if ! command -v db5.3_load >/dev/null || [ ! -d /mnt ]; then
	echo "1..0 # SKIP needs db5.3_load (db5.3-util) and a /mnt directory"; exit 0
fi
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
export TZ=UTC LC_ALL=C LANG=C
unshare --uts --net --mount --propagation private bash -c \
	"hostname mail.example.com; ip link set lo up; bash '$D/run.sh' '$BIN'" > "$W/got.out" 2>&1
grep -v -e '^#' -e '^$' "$D/cases.txt" | cut -d'|' -f1 > "$W/cases"
python3 "$TOP/test/mapdns/compare.py" "$W/cases" "$D/expected.out" "$W/got.out"
