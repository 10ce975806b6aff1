#!/bin/bash
# The dns and host map classes against a real DNS server: named (bind9)
# serves test/mapdns/*.zone on 127.0.0.1:53 and test/mapdns/rawdns.py
# sends hand-made and hostile answers on 127.0.0.2:53, both inside a
# private network namespace (test/mapdns/sbx.sh).  Every case of
# test/mapdns/cases.txt must give the reference's output and exit status
# byte for byte (test/mapdns/expected.out, made by capture.sh), except
# the few listed in test/mapdns/ours.out where the reference reads past
# the record it was sent (see doc/differences.md).
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${SENDMAIL_BIN:-$TOP/build/sendmail}
D=$TOP/test/mapdns
if [ "$(id -u)" != 0 ] || ! unshare --uts --net --mount --pid --fork true 2>/dev/null; then
	echo "1..0 # SKIP needs root and unshare(1) for a private network namespace"; exit 0
fi
if ! command -v named >/dev/null; then
	echo "1..0 # SKIP named (Debian package bind9) is not installed"; exit 0
fi
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
"$D/sbx.sh" "$W" bash -c "bash '$D/run.sh' '$BIN' '$W/work' > '$W/got.out' 2>&1;
	bash '$D/run.sh' '$BIN' '$W/work2' '$D/ours-cases.txt' > '$W/ours.out' 2>&1"
cat "$D/cases.txt" "$D/ours-cases.txt" > "$W/cases.txt"
cat "$D/expected.out" "$D/ours.out" > "$W/expected.out"
cat "$W/got.out" "$W/ours.out" > "$W/all.out"
python3 "$D/compare.py" "$W/cases.txt" "$W/expected.out" "$W/all.out"
