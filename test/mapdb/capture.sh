#!/bin/bash
# Capture the reference's answers for the Berkeley DB error cases into
# expected.out.  Needs root, unshare(1), db5.3_load and the unpacked
# reference:  test/mapdb/capture.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
REF=${SENDMAIL_REF:-/opt/sendmail-ref}
export TZ=UTC LC_ALL=C LANG=C
unshare --uts --net --mount --propagation private bash -c \
	"hostname mail.example.com; ip link set lo up; bash '$HERE/run.sh' '$REF/usr/libexec/sendmail/sendmail'" > "$HERE/expected.out"
