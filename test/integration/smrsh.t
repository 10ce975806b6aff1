#!/bin/bash
# smrsh.t -- our smrsh against the reference's, side by side in the same
# sandbox (mailbox/sbx.sh: private namespaces, /etc an overlay so
# /etc/mail/smrsh can be filled): allowed programs, builtins, exec,
# path-qualified names, programs outside the directory, metacharacters
# (every byte value), the length limits, another user's permissions.
# Standard output and error, exit status and the syslog lines (without
# their time stamps) must be the same.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
REF=${SENDMAIL_REF:-/opt/sendmail-ref}/usr/libexec/sendmail/smrsh
H=$TOP/test/integration/mailbox
[ "$(id -u)" = 0 ] || { echo "1..0 # SKIP needs root for the namespace sandbox"; exit 0; }
[ -x "$REF" ] || { echo "1..0 # SKIP reference smrsh not found at $REF"; exit 0; }
[ -x "$BUILD/smrsh" ] || { echo "1..0 # SKIP $BUILD/smrsh not built"; exit 0; }
unshare --mount --net --pid --uts --fork true 2>/dev/null || { echo "1..0 # SKIP namespaces unavailable"; exit 0; }
T=$(mktemp -d /tmp/smrsh-t.XXXXXX) || exit 1
trap 'rm -rf "$T"' EXIT
for side in ref our; do
	bin=$REF; [ $side = our ] && bin=$BUILD/smrsh
	mkdir -p "$T/$side"
	S=$bin OUT=$T/$side/out "$H/sbx.sh" "$T/$side" "$H/smrsh-cases.sh" >/dev/null 2>&1
	sed -E 's/^<([0-9]+)>[A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} /<\1>/' "$T/$side/syslog" > "$T/$side/log"
	sed -i -e "s#$bin#SMRSH#g" -e "s#$T/$side#TMP#g" "$T/$side"/out/*
done
cases=$(cd "$T/ref/out" && ls)
n=$(echo "$cases" | wc -w)
echo "1..$((n + 1))"
i=0
for c in $cases; do
	i=$((i + 1))
	if cmp -s "$T/ref/out/$c" "$T/our/out/$c"; then
		echo "ok $i - case $c"
	else
		echo "not ok $i - case $c: $(head -1 "$T/ref/out/$c" | cut -c1-60)"
		diff -a -u "$T/ref/out/$c" "$T/our/out/$c" | cut -c1-160 | sed 's/^/# /' | head -12
	fi
done
i=$((i + 1))
if cmp -s "$T/ref/log" "$T/our/log"; then
	echo "ok $i - syslog lines"
else
	echo "not ok $i - syslog lines"
	diff -a -u "$T/ref/log" "$T/our/log" | cut -c1-160 | sed 's/^/# /' | head -20
fi
