#!/bin/bash
# cf-build.t -- our m4 library (cf/) builds working configurations.
#
# For cf/cf/*.mc and the oracle's seed.mc and smarthost.mc:
#   - GNU m4 generates a .cf without complaint;
#   - our binary reads it with no diagnostic beyond those it gives for the
#     reference library's .cf of the same .mc (missing files of this host,
#     unknown users), and sandbox.mc (no reference counterpart) loads with
#     none at all;
#   - where the reference library has the same .mc: the options, mailers,
#     macros, maps, trusted users, headers and well-known classes are equal
#     as parsed sets (cf-build/cfdiff.py), and =M prints the same mailers;
# then misuse is refused at generation time (unknown FEATURE, MAILER,
# OSTYPE; missing or wrong arguments; features that need another one or
# must come before MAILER), _CF_DIR_ is found from the path of cf.m4 or
# taken from -D, and `make install` puts the library where .mc files
# include it (DESTDIR, both the sendmail-cf and the Debian paths; `all` is
# not remade: the test installs what BUILD holds).
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
SM=${SENDMAIL_BIN:-$BUILD/sendmail}
REF=${SENDMAIL_REF:-/opt/sendmail-ref}
M4=${M4:-m4}
D=$TOP/test/integration/cf-build
T=$(mktemp -d /tmp/cf-build-t.XXXXXX) || exit 1
trap 'rm -rf "$T"' EXIT

n=0; fails=0
ok() { n=$((n+1)); echo "ok $n - $1"; }
nok() { n=$((n+1)); fails=$((fails+1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
check() { # description command...
	local d=$1; shift
	if "$@" >"$T/out" 2>&1; then ok "$d"; else nok "$d"; sed 's/^/#   /' "$T/out" | head -20; fi
}
# diagnostics of our binary reading a cf, without the file name and line
diags() { # cf
	"$SM" -C "$1" -bt </dev/null 2>&1 |
		grep -v -e '^ADDRESS TEST MODE' -e '^Enter <ruleset> <address>' -e '^> *$' |
		sed -e 's/^[^ ]*: line [0-9]*: //' | sort -u
}

have_ref=no
if [ -f "$REF/usr/share/sendmail/cf/m4/cf.m4" ] && "$TOP/test/oracle/lib/gencf.sh" "$T/ref" >/dev/null 2>&1; then
	have_ref=yes
fi

gen() { # name mc [m4 args...]
	local name=$1 mc=$2; shift 2
	"$M4" "$@" "$TOP/cf/m4/cf.m4" "$mc" >"$T/$name.cf" 2>"$T/$name.err"
}

for mc in "$TOP"/cf/cf/*.mc "$TOP/test/oracle/configs/seed/seed.mc" "$TOP/test/oracle/configs/smarthost/smarthost.mc"; do
	name=$(basename "$mc" .mc)
	if gen "$name" "$mc" -DQUICKSTART_DIR="$T/qs" && [ ! -s "$T/$name.err" ]; then
		ok "$name.mc: generated"
	else
		nok "$name.mc: generated" "$(head -5 "$T/$name.err")"; continue
	fi
	if [ -f "$T/ref/$name.cf" ]; then
		diags "$T/$name.cf" >"$T/$name.d-ours"
		diags "$T/ref/$name.cf" >"$T/$name.d-ref"
		extra=$(comm -23 "$T/$name.d-ours" "$T/$name.d-ref")
		if [ -z "$extra" ]; then ok "$name.cf: loads with no diagnostic of its own"
		else nok "$name.cf: loads with no diagnostic of its own" "$extra"; fi
		check "$name.cf: O M D K T H and class lines equal the reference's" \
			python3 "$D/cfdiff.py" "$T/$name.cf" "$T/ref/$name.cf"
		"$SM" -C "$T/$name.cf" -bt <<<'=M' 2>/dev/null | grep '^mailer' | sort >"$T/$name.m-ours"
		"$SM" -C "$T/ref/$name.cf" -bt <<<'=M' 2>/dev/null | grep '^mailer' | sort >"$T/$name.m-ref"
		check "$name.cf: =M equals the reference's" diff "$T/$name.m-ours" "$T/$name.m-ref"
	elif [ "$name" = sandbox ] || [ "$have_ref" = no ]; then
		extra=$(diags "$T/$name.cf" | grep -v 'local host name .* is not qualified')
		if [ -z "$extra" ]; then ok "$name.cf: loads silently"
		else nok "$name.cf: loads silently" "$extra"; fi
		if "$SM" -C "$T/$name.cf" -bt <<<'=S0' 2>/dev/null | grep -q '^R'; then ok "$name.cf: =S0 lists rules"
		else nok "$name.cf: =S0 lists rules"; fi
	fi
done

# one feature or interface macro at a time (cf-build/cases.txt)
if [ "$have_ref" = yes ]; then
	RCF=$REF/usr/share/sendmail/cf
	while IFS= read -r frag; do
		case $frag in ''|'#'*) continue;; esac
		printf 'OSTYPE(`linux'"')\n%s\nMAILER(\`local')\nMAILER(\`smtp')\n" \
			"$(printf '%s\n' "$frag" | sed 's/)\([A-Z]\)/)\n\1/g')" >"$T/case.mc"
		"$M4" -D_CF_DIR_="$RCF/" "$RCF/m4/cf.m4" "$T/case.mc" >"$T/case-ref.cf" 2>/dev/null
		if ! "$M4" "$TOP/cf/m4/cf.m4" "$T/case.mc" >"$T/case.cf" 2>"$T/case.err"; then
			nok "$frag: generated" "$(cat "$T/case.err")"; continue
		fi
		check "$frag: facts equal the reference's" python3 "$D/cfdiff.py" "$T/case.cf" "$T/case-ref.cf"
	done <"$D/cases.txt"
fi

# sandbox.mc: what quickstart.sh relies on
grep -q "^O QueueDirectory=$T/qs/spool/mqueue\$" "$T/sandbox.cf" && grep -q '^O DaemonPortOptions=.*Addr=127.0.0.1.*Port=2525' "$T/sandbox.cf" \
	&& ok "sandbox.cf: queue under QUICKSTART_DIR, daemon on 127.0.0.1:2525" \
	|| nok "sandbox.cf: queue under QUICKSTART_DIR, daemon on 127.0.0.1:2525"

# -bv on the seed configuration: the same answer as with the reference's cf
if [ "$have_ref" = yes ]; then
	a=$("$SM" -C "$T/seed.cf" -bv nosuchuser@example.net 2>&1 | sed 's/^[^ ]*: line [0-9]*: //' | grep -v 'fileclass')
	b=$("$SM" -C "$T/ref/seed.cf" -bv nosuchuser@example.net 2>&1 | sed 's/^[^ ]*: line [0-9]*: //' | grep -v 'fileclass')
	[ "$a" = "$b" ] && ok "seed.cf: -bv of a remote address as with the reference's cf" \
		|| nok "seed.cf: -bv of a remote address as with the reference's cf" "ours: $a" "reference: $b"
fi

# misuse is refused by m4 with a message and a non-zero status
misuse() { # description expected-message mc-text
	printf '%s\n' "$3" >"$T/bad.mc"
	if "$M4" "$TOP/cf/m4/cf.m4" "$T/bad.mc" >/dev/null 2>"$T/bad.err"; then
		nok "refused: $1" "m4 exited 0"
	elif grep -q -- "$2" "$T/bad.err"; then
		ok "refused: $1"
	else
		nok "refused: $1" "$(cat "$T/bad.err")"
	fi
}
misuse "unknown FEATURE" "FEATURE(\`nosuch'): unknown feature" 'OSTYPE(`linux'"')"'FEATURE(`nosuch'"')"
misuse "unknown MAILER" "MAILER(\`nosuch'): unknown mailer" 'OSTYPE(`linux'"')"'MAILER(`nosuch'"')"
misuse "unknown OSTYPE" "OSTYPE(\`nosuch'): unknown system type" 'OSTYPE(`nosuch'"')"
misuse "FEATURE without a name" "FEATURE() needs a feature name" 'OSTYPE(`linux'"')"'FEATURE()'
misuse "a path as FEATURE name" "not a valid feature name" 'OSTYPE(`linux'"')"'FEATURE(`../m4/cf'"')"
misuse "no OSTYPE" "No system type defined" 'MAILER(`local'"')"
misuse "blocklist_recipients without access_db" "requires FEATURE(\`access_db')" 'OSTYPE(`linux'"')"'FEATURE(`blocklist_recipients'"')"
misuse "nouucp without argument" "FEATURE(\`nouucp') needs an argument" 'OSTYPE(`linux'"')"'FEATURE(`nouucp'"')"
misuse "nouucp with a wrong argument" "must be one of" 'OSTYPE(`linux'"')"'FEATURE(`nouucp'"', \`maybe')"
misuse "dnsbl without a zone" "FEATURE(\`dnsbl') needs an argument" 'OSTYPE(`linux'"')"'FEATURE(`access_db'"')FEATURE(\`dnsbl')"
misuse "local_procmail after MAILER(local)" "must come before MAILER(\`local')" 'OSTYPE(`linux'"')MAILER(\`local')FEATURE(\`local_procmail')"
misuse "MASQUERADE_AS without a name" "MASQUERADE_AS() needs a host name" 'OSTYPE(`linux'"')MASQUERADE_AS()"

# _CF_DIR_: from the path of cf.m4 (any working directory), or from -D
gen ref-here "$TOP/cf/cf/generic-linux.mc"
(cd "$TOP/cf/m4" && "$M4" cf.m4 ../cf/generic-linux.mc >"$T/from-m4dir.cf" 2>&1)
check "_CF_DIR_ found when run inside cf/m4" cmp "$T/ref-here.cf" "$T/from-m4dir.cf"
(cd / && "$M4" "$TOP/cf/m4/cf.m4" "$TOP/cf/cf/generic-linux.mc" >"$T/from-root.cf" 2>&1)
check "_CF_DIR_ found from an absolute path" cmp "$T/ref-here.cf" "$T/from-root.cf"
(cd "$T" && "$M4" -D_CF_DIR_="$TOP/cf" "$TOP/cf/m4/cf.m4" "$TOP/cf/cf/generic-linux.mc" >"$T/from-D.cf" 2>&1)
check "-D_CF_DIR_= (no trailing slash) honoured" cmp "$T/ref-here.cf" "$T/from-D.cf"

# installed: make install DESTDIR=..., then include() from both paths
if make -s -o all -C "$TOP" install B="$BUILD" DESTDIR="$T/inst" >"$T/install.log" 2>&1; then
	for p in /usr/share/sendmail-cf /usr/share/sendmail/cf; do
		{ echo "include(\`$T/inst$p/m4/cf.m4')dnl"; cat "$TOP/cf/cf/generic-linux.mc"; } >"$T/inst.mc"
		(cd / && "$M4" "$T/inst.mc" >"$T/inst.cf" 2>&1)
		check "installed: include(\`$p/m4/cf.m4') works" cmp "$T/ref-here.cf" "$T/inst.cf"
	done
else
	nok "make install DESTDIR=..." "$(tail -5 "$T/install.log")"
fi

echo "1..$n"
[ "$fails" = 0 ]
