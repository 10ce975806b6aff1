#!/bin/bash
# Run every case of cases.txt through a sendmail binary: a fresh tmpfs
# on /mnt, the case's map files made there with db5.3_load (mk TYPE
# NAME: keys alpha, beta, gamma) and shell commands, then one
# "sendmail -bt" with /map and ruleset lookups of the case's map.  Must
# run in a private mount namespace (see test/integration/map-db-errors.t
# and capture.sh).  Used for the reference's answers and for ours.
#   run.sh BINARY
set -u
BIN=$1; HERE=$(cd "$(dirname "$0")" && pwd)
mk() {
	printf 'alpha\nA-value\nbeta\nB-value\ngamma\nG-value\n' |
		db5.3_load -T -t "$1" "$2.db"
}
while IFS='|' read -r name setup kline; do
	case $name in ''|'#'*) continue;; esac
	umount /mnt 2>/dev/null
	mount -t tmpfs -o mode=755 mapdb /mnt || exit 2
	mkdir /mnt/maps; cd /mnt/maps || exit 2
	eval "$setup"
	{ cat "$HERE/db.cf"; printf 'Kx %s\n' "$kline" | sed 's| \([^ -][^ ]*\)$| /mnt/maps/\1|'; } > /mnt/case.cf
	echo "== $name"
	printf '/map x alpha\n/map x nokey\nLk beta\nLk nokey\n' |
		(cd /mnt && timeout 20 "$BIN" -C case.cf -bt 2>&1)
	echo "rc=$?"
	cd /
done < "$HERE/cases.txt"
umount /mnt 2>/dev/null
true
