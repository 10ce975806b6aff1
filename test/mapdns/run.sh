#!/bin/bash
# Run every case of cases.txt through a sendmail binary, one fresh
# "sendmail -bt" per case, and print the combined output under one
# "== case" header each, with the exit status.  Must run inside sbx.sh
# (named on 127.0.0.1, rawdns.py on 127.0.0.2).  Case lines:
#   named INPUT      INPUT to -bt with dns.cf, resolver -> named
#   raw INPUT        the same with the resolver pointed at rawdns.py
#   K KLINE|INPUT    dns.cf plus KLINE, resolver -> named
# Used to capture the reference's answers (capture.sh) and by
# test/integration/map-dns.t.
#   run.sh BINARY WORKDIR [CASES]
set -u
BIN=$1; W=$2; HERE=$(cd "$(dirname "$0")" && pwd); CASES=${3:-$HERE/cases.txt}
mkdir -p "$W"; cd "$W" || exit 2
cp "$HERE/dns.cf" dns.cf
ns=named
resolver() {
	[ "$1" = "$ns" ] && return
	umount /etc/resolv.conf
	if [ "$1" = raw ]; then
		mount --bind "$HERE/resolv-raw.conf" /etc/resolv.conf
	else
		mount --bind "$HERE/resolv.conf" /etc/resolv.conf
	fi
	ns=$1
}
while IFS= read -r line; do
	kind=${line%% *}; rest=${line#* }
	cf=dns.cf
	case $kind in
	named|raw) resolver "$kind"; input=$rest;;
	K) resolver named; { cat "$HERE/dns.cf"; printf '%s\n' "${rest%%|*}"; } > k.cf
	   cf=k.cf; input=${rest#*|};;
	*) continue;;
	esac
	echo "== $line"
	printf '%s\n' "$input" | timeout 20 "$BIN" -C $cf -bt 2>&1
	echo "rc=$?"
done < "$CASES"
resolver named
