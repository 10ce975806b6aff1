#!/bin/bash
# Run a command in fresh UTS, mount, network and PID namespaces with
# named on loopback (inner.sh).  Needs root and unshare(1).
#   sbx.sh SCRATCHDIR COMMAND...
HERE=$(cd "$(dirname "$0")" && pwd)
export TZ=UTC LC_ALL=C LANG=C
exec unshare --uts --mount --net --pid --fork --mount-proc --propagation private \
	bash "$HERE/inner.sh" "$@"
