#!/bin/bash
# Capture the reference's answers for the ldap map cases into
# expected.out.  Needs the oracle sandbox (test/oracle/lib), slapd and
# the unpacked reference; run as root:  test/mapldap/capture.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd); LIB=$HERE/../oracle/lib
SBX=$(mktemp -d /tmp/mapldap-sbx.XXXXXX)
mkdir -p "$SBX/ov"
REF=${SENDMAIL_REF:-/opt/sendmail-ref}
bash "$LIB/sbx.sh" "$SBX" "bash $HERE/run.sh $REF/usr/libexec/sendmail/sendmail /var/lib/mapldap" > "$HERE/${OUT:-expected.out}"
rm -rf "$SBX"
