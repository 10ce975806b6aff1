#!/bin/bash
# Capture the reference's answers into expected.out.  Needs the oracle
# sandbox (test/oracle/lib) and the unpacked reference; run as root:
#   test/cferrors/capture.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd); LIB=$HERE/../oracle/lib
SBX=$(mktemp -d /tmp/cferr-sbx.XXXXXX)
mkdir -p "$SBX/ov"
for d in etc var usr home run; do mkdir -p "$SBX/ov/$d/up" "$SBX/ov/$d/work"; done
REF=${SENDMAIL_REF:-/opt/sendmail-ref}
bash "$LIB/sbx.sh" "$SBX" "bash $HERE/run.sh $REF/usr/libexec/sendmail/sendmail /tmp/cferr-work.\$\$" > "$HERE/expected.out"
rm -rf "$SBX"
