#!/bin/bash
# mail-local.t -- our mail.local against the reference's, side by side in
# the same sandbox (mailbox/sbx.sh: private namespaces, /etc an overlay
# for the test users, /var/mail a temporary directory): delivery and the
# mbox format (Debian's Content-Length header), appending, several
# users, unknown users, usage errors, mailboxes that are symbolic or hard
# links, directories, fifos or someone else's, no permission, stale and
# fresh dot locks, LMTP dialogues, a full disk (a 64k tmpfs).  Output,
# exit status, the mailboxes (bytes, owner, mode) and the syslog lines
# must be the same; time stamps are masked.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
REF=${SENDMAIL_REF:-/opt/sendmail-ref}/usr/libexec/sendmail/mail.local
H=$TOP/test/integration/mailbox
[ "$(id -u)" = 0 ] || { echo "1..0 # SKIP needs root for the namespace sandbox"; exit 0; }
[ -x "$REF" ] || { echo "1..0 # SKIP reference mail.local not found at $REF"; exit 0; }
[ -x "$BUILD/mail.local" ] || { echo "1..0 # SKIP $BUILD/mail.local not built"; exit 0; }
unshare --mount --net --pid --uts --fork true 2>/dev/null || { echo "1..0 # SKIP namespaces unavailable"; exit 0; }
T=$(mktemp -d /tmp/mail-local-t.XXXXXX) || exit 1
trap 'rm -rf "$T"' EXIT
chmod 711 "$T"   # the test users' home directories are inside
for side in ref our; do
	bin=$REF; [ $side = our ] && bin=$BUILD/mail.local
	mkdir -p "$T/$side"; chmod 711 "$T/$side"
	M=$bin OUT=$T/$side/out HOMES=$T/$side/homes "$H/sbx.sh" "$T/$side" "$H/mail-local-cases.sh" >/dev/null 2>&1
	sed -E 's/^<([0-9]+)>[A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} /<\1>/' "$T/$side/syslog" | grep -v useradd | sed "s#$T/$side#TMP#g" > "$T/$side/log"
	sed -i -e "s#$bin#MAIL.LOCAL#g" -e "s#$T/$side#TMP#g" "$T/$side"/out/*
done
cases=$(cd "$T/ref/out" && ls)
n=$(echo "$cases" | wc -w)
echo "1..$((n + 1))"
i=0
for c in $cases; do
	i=$((i + 1))
	if cmp -s "$T/ref/out/$c" "$T/our/out/$c"; then
		echo "ok $i - $(head -1 "$T/ref/out/$c")"
	else
		echo "not ok $i - $(head -1 "$T/ref/out/$c")"
		diff -a -u "$T/ref/out/$c" "$T/our/out/$c" | cut -c1-160 | sed 's/^/# /' | head -30
	fi
done
i=$((i + 1))
if cmp -s "$T/ref/log" "$T/our/log"; then
	echo "ok $i - syslog lines"
else
	echo "not ok $i - syslog lines"
	diff -a -u "$T/ref/log" "$T/our/log" | cut -c1-160 | sed 's/^/# /' | head -30
fi
