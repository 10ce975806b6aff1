#!/bin/bash
# Capture the reference's answers for the dns and host map cases into
# expected.out (named and rawdns.py in a private network namespace,
# see sbx.sh).  Needs root, unshare(1), named (bind9) and the unpacked
# reference:  test/mapdns/capture.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
REF=${SENDMAIL_REF:-/opt/sendmail-ref}
W=$(mktemp -d /tmp/mapdns-cap.XXXXXX)
"$HERE/sbx.sh" "$W" bash "$HERE/run.sh" "$REF/usr/libexec/sendmail/sendmail" "$W/work" > "$HERE/expected.out"
rm -rf "$W"
