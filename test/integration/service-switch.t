#!/bin/bash
# service-switch.t -- ServiceSwitchFile and HostsFile against the
# reference, in the oracle's namespace sandbox: /canon of names known to
# the fake DNS server and of one only in a private hosts file, with the
# seed cf and with a switch file saying "hosts files"; the output must be
# the reference's (with "files" only, no DNS query is made: host1 stays
# host1, custom becomes custom.example.net).
. "$(dirname "$0")/lib/refsbx.sh" switch
run() { # side binary
	SENDMAIL_BIN=$2 "$L/mksbx.sh" "$T/$1" seed "$T/cf" >/dev/null 2>&1 || return 1
	"$L/sbx.sh" "$T/$1" "bash $L/postinstall.sh >/dev/null 2>&1; bash $TOP/test/integration/switch/cases.sh" >"$T/$1.out" 2>&1
}
run ref "$R/sendmail" || { echo "1..0 # SKIP cannot make the sandbox"; exit 0; }
run ours "$SENDMAIL_BIN"
echo "1..2"
same 1 "/canon with and without a 'hosts files' switch: the reference's output" "$T/ref.out" "$T/ours.out"
grep -q 'getcanonname(host1) returns host1$' "$T/ours.out" && grep -q 'getcanonname(custom) returns custom.example.net$' "$T/ours.out" &&
	echo "ok 2 - ours: no DNS with 'hosts files', the HostsFile's names" ||
	echo "not ok 2 - ours: no DNS with 'hosts files', the HostsFile's names"
