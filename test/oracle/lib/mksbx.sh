#!/bin/bash
# Prepare a fresh sandbox directory for lib/sbx.sh.
#   usage: lib/mksbx.sh SBXDIR CONFIG CFDIR
# CFDIR holds the generated CONFIG.cf and submit.cf (lib/gencf.sh);
# test/oracle/configs/CONFIG/files/ (optional) is a tree copied over / (e.g.
# files/etc/mail/access).  CONFIG.cf becomes /etc/mail/sendmail.cf and
# submit.cf becomes /etc/mail/submit.cf.  Map sources are compiled later,
# inside the sandbox, by lib/postinstall.sh (makemap/newaliases of the
# REFERENCE build).  SBX_EXTRA_FILES=DIR (optional) is one more such tree,
# copied after the config's (test/cf/run_variants.py: a variant's FILES).
#
# Binaries are laid out like the Debian package.  /usr/libexec/sendmail/sendmail
# is the binary under test, $SENDMAIL_BIN (default: the reference's; any
# other is copied with the reference binary's owner, group and mode), and
# /usr/sbin/sendmail, mailq, newaliases, hoststat, purgestat all lead to it.
# The auxiliary programs (makemap, praliases, editmap, mailstats, smrsh,
# mail.local) are the reference's, unless SBX_TOOLS names a directory with
# our makemap/editmap/praliases/mailstats.
# SBXDIR must not lie under /etc, /var, /usr, /home or /run (they get overlay
# mounts; an overlay upperdir cannot sit on an overlay).
# (Adapted from the oracle's lib/mksbx.sh.)
set -e
SBX=${1:?usage: mksbx.sh SBXDIR CONFIG CFDIR}; CONF=${2:?}; CFDIR=${3:?}
ORACLE=$(dirname "$(dirname "$(readlink -f "$0")")")
REF=${REF:-${SENDMAIL_REF:-/opt/sendmail-ref}}
BIN=${SENDMAIL_BIN:-$REF/usr/libexec/sendmail/sendmail}
C=$ORACLE/configs
CFDIR=$(readlink -f "$CFDIR")
BIN=$(readlink -f "$BIN")
rm -rf "$SBX"; mkdir -p "$SBX"
SBX=$(readlink -f "$SBX")
case "$SBX/" in /etc/*|/var/*|/usr/*|/home/*|/run/*)
	echo "mksbx.sh: $SBX must not be under /etc /var /usr /home /run" >&2; exit 2;; esac
for d in etc var usr home run; do mkdir -p "$SBX/ov/$d/up" "$SBX/ov/$d/work"; done
E=$SBX/ov/etc/up U=$SBX/ov/usr/up V=$SBX/ov/var/up H=$SBX/ov/home/up
cp "$C/common/hosts" "$C/common/resolv.conf" "$C/common/passwd" "$C/common/group" "$E/"
# pin the time zone: sendmail ignores $TZ unless TimeZoneSpec is set and uses /etc/localtime
cp /usr/share/zoneinfo/${SBX_ZONE:-Etc/UTC} "$E/localtime"; echo "${SBX_ZONE:-Etc/UTC}" > "$E/timezone"
mkdir -p "$E/mail"
cp "$CFDIR/$CONF.cf" "$E/mail/sendmail.cf"
cp "$CFDIR/submit.cf" "$E/mail/submit.cf"
cp "$REF/etc/mail/helpfile" "$E/mail/helpfile"
mkdir -p "$E/mail/smrsh"
# binaries, laid out like the Debian package
mkdir -p "$U/sbin" "$U/bin" "$U/libexec/sendmail"
# the binary under test is installed as the package installs the
# reference's (root:mail, 2755: what it creates gets group mail; a
# sanitizer build too: make check runs it with leak detection off, which
# cannot work in a set-id process)
REFBIN=$REF/usr/libexec/sendmail/sendmail
if [ "$BIN" = "$(readlink -f "$REFBIN")" ] || [ ! -e "$REFBIN" ]; then
	ln -s "$BIN" "$U/libexec/sendmail/sendmail"
else
	cp "$BIN" "$U/libexec/sendmail/sendmail"
	chown --reference="$REFBIN" "$U/libexec/sendmail/sendmail"
	chmod --reference="$REFBIN" "$U/libexec/sendmail/sendmail"
fi
# opt-in: SBX_TOOLS=DIR installs DIR/makemap, DIR/editmap, DIR/praliases, DIR/mailstats (ours)
# where they exist instead of the reference's (used by run_scenario.py)
for p in makemap praliases editmap mailstats smrsh mail.local vacation.sendmail; do
	t=$REF/usr/libexec/sendmail/$p
	case $p in makemap|editmap|praliases|mailstats)
		[ -n "${SBX_TOOLS:-}" ] && [ -x "$SBX_TOOLS/$p" ] && t=$(readlink -f "$SBX_TOOLS/$p");;
	esac
	ln -s "$t" "$U/libexec/sendmail/$p"
done
for p in mailq newaliases hoststat purgestat smtpd; do ln -s sendmail "$U/libexec/sendmail/$p"; done
ln -s ../libexec/sendmail/sendmail "$U/sbin/sendmail"
for p in makemap praliases editmap mailstats smrsh; do ln -s "../libexec/sendmail/$p" "$U/sbin/$p"; done
for p in mailq newaliases hoststat purgestat; do ln -s ../sbin/sendmail "$U/bin/$p"; done
ln -s ../../usr/libexec/sendmail/mail.local "$U/sbin/mail.local"
# spool, mailboxes, homes
mkdir -p "$V/spool/mqueue" "$V/spool/clientmqueue" "$V/mail" "$V/log/mail" "$V/lib/sendmail" "$SBX/ov/run/up/sendmail/mta" "$SBX/ov/run/up/sendmail/msp"
chmod 700 "$V/spool/mqueue"; chown 115:121 "$V/spool/clientmqueue"; chmod 770 "$V/spool/clientmqueue"
chown 0:8 "$V/mail"; chmod 2775 "$V/mail"
chown 115:121 "$SBX/ov/run/up/sendmail/msp"
for u in alice:1001 bob:1002 carol:1003 dave:1004 erin:1005 Upper:1006; do
	mkdir -p "$H/${u%%:*}"; chown "${u#*:}:${u#*:}" "$H/${u%%:*}"; chmod 755 "$H/${u%%:*}"
done
for fdir in "$C/$CONF/files" ${SBX_EXTRA_FILES:+"$SBX_EXTRA_FILES"}; do
	[ -d "$fdir" ] || continue
	for top in "$fdir"/*; do
		mkdir -p "$SBX/ov/$(basename "$top")/up"
		cp -r "$top/." "$SBX/ov/$(basename "$top")/up/"
	done
done
# a git checkout does not keep modes: make them deterministic
find "$E" "$H" -type d -exec chmod 755 {} +
find "$E" "$H" -type f -exec chmod 644 {} +
# ownerships/modes sendmail insists on
find "$E/mail" -maxdepth 1 -type f -exec chmod 644 {} +
chown -R 0:0 "$E" "$V" 2>/dev/null; chown 115:121 "$V/spool/clientmqueue"; chown 0:8 "$V/mail"
for u in alice bob carol dave erin Upper; do
	[ -e "$H/$u/.forward" ] && chown --reference="$H/$u" "$H/$u/.forward" && chmod 644 "$H/$u/.forward"
done
true
