#!/bin/bash
# Generate the four .cf files with the reference m4 library into a scratch dir.
#   usage: lib/gencf.sh OUTDIR      -> OUTDIR/{generic-linux,submit,seed,smarthost}.cf
#          lib/gencf.sh OUTDIR NAME=MC... -> OUTDIR/NAME.cf from MC only
#                                           (test/cf/run_variants.py)
#   m4 -D_CF_DIR_=$CFDIR/ $CFDIR/m4/cf.m4 X.mc > X.cf
# generic-linux.mc and submit.mc are the stock files of the reference m4
# library; seed.mc and smarthost.mc come from test/oracle/configs/.
# The three "##### built by/in/using" comment lines written by the macros'
# makeinfo.sh contain the user, host, date and build directory; they are
# rewritten to fixed text so the .cf files are reproducible (comments only).
# (Adapted from the oracle's lib/gencf.sh, which wrote into its configs dir.)
set -e
OUT=${1:?usage: gencf.sh OUTDIR}
ORACLE=$(dirname "$(dirname "$(readlink -f "$0")")")
REF=${REF:-${SENDMAIL_REF:-/opt/sendmail-ref}}
CFDIR=$REF/usr/share/sendmail/cf
C=$ORACLE/configs
[ -f "$CFDIR/m4/cf.m4" ] || { echo "gencf.sh: no reference m4 library in $CFDIR" >&2; exit 1; }
mkdir -p "$OUT"; OUT=$(readlink -f "$OUT")
gen() { # name mc-path
	local name=$1 mc=$2
	mkdir -p "$OUT/m4.$name"
	( cd "$OUT/m4.$name" && m4 -D_CF_DIR_="$CFDIR/" "$CFDIR/m4/cf.m4" "$mc" > "$OUT/$name.cf.tmp" )
	sed -e 's/^##### built by .*/##### built by root@mail.example.com on (date normalised by oracle)/' \
	    -e "s|^##### in .*|##### in /etc/mail|" \
	    -e "s|^##### using .* as configuration include directory|##### using /usr/share/sendmail/cf/ as configuration include directory|" \
	    "$OUT/$name.cf.tmp" > "$OUT/$name.cf"
	rm -rf "$OUT/$name.cf.tmp" "$OUT/m4.$name"
}
if [ $# -gt 1 ]; then
	shift
	for nm in "$@"; do gen "${nm%%=*}" "$(readlink -f "${nm#*=}")"; done
	exit 0
fi
gen generic-linux "$CFDIR/cf/generic-linux.mc"
gen submit "$CFDIR/cf/submit.mc"
gen seed "$C/seed/seed.mc"
gen smarthost "$C/smarthost/smarthost.mc"
