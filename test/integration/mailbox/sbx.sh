#!/bin/bash
# sbx.sh - run a script in a throw-away sandbox for mail.local/smrsh tests.
#   usage: sbx.sh DIR SCRIPT [ARG...]      (as root)
# Private mount, network (loopback only), PID and UTS namespaces; host name
# "mailhost"; /etc is an overlay whose upper layer is DIR/ov (so useradd
# and /etc/mail/smrsh stay inside DIR); /var/mail is DIR/mail (mode 1777
# so that the reference's liblockfile can create its lock as the user);
# /dev/log is served by test/oracle/lib/syslogd.py into DIR/syslog.  When
# SCRIPT ends, the PID namespace ends and with it every process it started.
set -e
D=$(readlink -f "$1"); shift
HERE=$(dirname "$(readlink -f "$0")")
export D HERE TZ=UTC LC_ALL=C
exec unshare --mount --net --pid --uts --fork --mount-proc --propagation private \
	bash -c '
set -e
hostname mailhost
ip link set lo up 2>/dev/null || true
mkdir -p "$D/ov/up" "$D/ov/work" "$D/mail" "$D/logdev"
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$D/ov/up,workdir=$D/ov/work" /etc
chmod 1777 "$D/mail"; chgrp mail "$D/mail"
mount --bind "$D/mail" /var/mail
mount -t tmpfs -o mode=755 logdev "$D/logdev"
python3 "$HERE/../../oracle/lib/syslogd.py" "$D/syslog" "$D/logdev/log" &
for i in $(seq 100); do [ -e "$D/syslog.ready" ] && break; sleep 0.05; done
# a private /dev (the host one is never touched: removing or creating
# /dev/log there would break the bind mount of a concurrent run)
. "$HERE/../../oracle/lib/privdev.sh"
private_dev "$D/hostdev"
touch /dev/log
mount --bind "$D/logdev/log" /dev/log
set +e
bash "$@"
' sbx "$@"
