#!/bin/bash
# Capture the reference's answers for the map-class cases into
# expected.out.  Needs the oracle sandbox (test/oracle/lib) and the
# unpacked reference; run as root:  test/mapclasses/capture.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd); LIB=$HERE/../oracle/lib
SBX=$(mktemp -d /tmp/mapcls-sbx.XXXXXX)
mkdir -p "$SBX/ov"
REF=${SENDMAIL_REF:-/opt/sendmail-ref}
bash "$LIB/sbx.sh" "$SBX" "bash $HERE/run.sh $REF/usr/libexec/sendmail/sendmail /var/lib/mapcls" > "$HERE/expected.out"
rm -rf "$SBX"
