#!/bin/bash
# scenario.sh -- run inside a sandbox (test/oracle/lib/sbx.sh) by
# userland.t: what a user, cron, mutt, PHP, git and a monitoring plugin
# do with /usr/sbin/sendmail, one case after the other.  Each case NAME
# leaves in $OUTD: NAME.out (its standard output and error), NAME.rc
# (exit status) and NAME.mbox.USER for each mailbox that got mail (the
# mailboxes are moved away after each case, so every file holds that
# case's deliveries only).  The same script runs with our binary and with
# the reference's; userland.t compares the two.
#   env: L (test/oracle/lib), OUTD, CLIENTS (unpacked Debian packages),
#        MSP=1 to run the submit.cf case first
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
# root's home is not one of the sandbox's overlays: a private one keeps
# the dead.letter files of this run apart from the host's and from the
# other sandboxes'
mount -t tmpfs -o mode=0700 tmpfs /root || exit 1
# the reference's newaliases (postinstall.sh) refuses a cf it cannot read:
# the sandbox's own newaliases (the binary under test) builds the database
[ -e /etc/aliases.db ] || { newaliases >"$OUTD/own-newaliases.out" 2>&1; }
# the reference's mail.local locks as the user (liblockfile): /var/mail
# must be writable by all for it
[ -n "${SPOOL_MODE:-}" ] && chmod "$SPOOL_MODE" /var/mail
W=/var/tmp/userland            # on the sandbox's /var overlay
mkdir -p "$W/home"
export HOME=$W/home PATH=$CLIENTS/bsd-mailx/usr/bin:$PATH
MAILX=bsd-mailx

# wait until every sendmail and mailer process of the case has exited
# (-odb delivers in a background child); only this PID namespace is seen
settle() {
	local i
	for i in $(seq 300); do
		pgrep 'sendmail|procmail|mail.local|smrsh|savemsg|failer' >/dev/null || break
		sleep 0.1
	done
}
collect() { # case
	local u
	for u in root alice bob carol dave; do
		[ -s "/var/mail/$u" ] && mv "/var/mail/$u" "$OUTD/$1.mbox.$u"
	done
	rm -f /var/mail/*.lock
	# ErrorMode=print saves what could not be delivered for the sender
	[ -e /root/dead.letter ] && mv /root/dead.letter "$OUTD/$1.dead"
	true
}
run() { # case command (a shell string)
	bash -c "$2" >"$OUTD/$1.out" 2>&1
	echo $? >"$OUTD/$1.rc"
	settle
	collect "$1"
}

# --- the mail submission program's path (submit.cf: relays to the MTA
# at [127.0.0.1], which is not listening here)
run msp-v-alice 'echo hi | sendmail -v alice'
run msp-mailq-Ac 'mailq -Ac'
rm -f /var/spool/clientmqueue/*
# --- from here on a host without an MSP: sendmail.cf serves command-line
# submission (as root) and delivers at once
rm -f /etc/mail/submit.cf

# programs smrsh may run (/etc/mail/smrsh), .forward files using them
cat > /etc/mail/smrsh/savemsg <<'EOF'
#!/bin/sh
# save the message a .forward pipes in
cat > "/var/tmp/userland/prog-$1.out"
EOF
cat > /etc/mail/smrsh/failer <<'EOF'
#!/bin/sh
echo "failer: cannot take this message" >&2
exit 1
EOF
chmod 755 /etc/mail/smrsh/savemsg /etc/mail/smrsh/failer
chmod 1777 "$W"
printf '\\bob, "|savemsg bob"\n' > /home/bob/.forward
chown bob:bob /home/bob/.forward

run mailq-empty 'mailq'
run check_mailq-empty '/usr/lib/nagios/plugins/check_mailq -M sendmail -w 1 -c 5'
run v-root 'echo hi | sendmail -v root'
run v-alice 'printf "Subject: hello alice\n\nfirst line\nFrom the second line\n" | sendmail -v alice'
# bsd-mailx runs "sendmail -i -t"
run mailx "echo 'mailx body' | $MAILX -s 'mailx subject' alice"
# read it back with mailx (x: leave the mailbox as it was)
cp -p "$OUTD/mailx.mbox.alice" /var/mail/alice 2>/dev/null
run mailx-read "printf 'p 1\nx\n' | $MAILX -f /var/mail/alice"
# cron (Debian cron 3.0pl1-162, do_command.c): MAILCMD with
# "%s -FCronDaemon -i -B8BITMIME -oem  %s" (the MAILTO address), and the
# header it writes before the job's output
run cron 'printf "From: root (Cron Daemon)\nTo: alice\nSubject: Cron <root@mail> echo job output\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\nX-Cron-Env: <SHELL=/bin/sh>\nX-Cron-Env: <HOME=/root>\nX-Cron-Env: <PATH=/usr/bin:/bin>\nX-Cron-Env: <LOGNAME=root>\n\njob output\n" | /usr/sbin/sendmail -FCronDaemon -i -B8BITMIME -oem alice'
# mutt (its default $sendmail "/usr/sbin/sendmail -oem -oi", then "--" and
# the recipients); no muttrc but copy=no (no record of sent mail)
printf 'set copy=no\n' > "$W/muttrc"
run mutt "echo 'mutt body' | mutt -n -F $W/muttrc -s 'mutt subject' alice"
# PHP's mail() (sendmail_path "/usr/sbin/sendmail -t -i")
run php "php -r 'exit(mail(\"alice\", \"php subject\", \"php body\", \"From: webapp@mail.example.com\") ? 0 : 1);'"
# git send-email through sendmail ("sendmail -i RCPTS")
rm -rf "$W/git" && mkdir -p "$W/git" && (
	cd "$W/git" && git init -q && echo one > file && git add file &&
	GIT_AUTHOR_DATE='2026-01-01T00:00:00Z' GIT_COMMITTER_DATE='2026-01-01T00:00:00Z' \
	git -c user.name='Bob Q. Example' -c user.email=bob@mail.example.com commit -qm 'add a file' &&
	git format-patch -q -1 -o "$W/git/out" ) >/dev/null 2>&1
run git-send-email "cd $W/git && git -c user.name='Bob Q. Example' -c user.email=bob@mail.example.com send-email --quiet --to=alice --suppress-cc=all --confirm=never --smtp-server=/usr/sbin/sendmail out/*.patch"
# aliases, an :include: list, a .forward to a program through smrsh
run alias-list 'echo "to the webmasters" | sendmail -v webmaster'
run include 'echo "to the include list" | sendmail -v includer'
run forward-prog 'echo "to bob and his program" | sendmail -v bob'
cp "$W/prog-bob.out" "$OUTD/forward-prog.prog" 2>/dev/null
# a program that fails (exit 1)
printf '"|failer"\n' > /home/carol/.forward; chown carol:carol /home/carol/.forward
run failing-prog 'echo "to carol" | sendmail -v carol'
rm -f /home/carol/.forward
# a program smrsh does not allow
printf '"|/bin/cat"\n' > /home/dave/.forward; chown dave:dave /home/dave/.forward
run smrsh-refused 'echo "to dave" | sendmail -v dave'
rm -f /home/dave/.forward
# an unknown user: -v, then as mutt (-oem) and as a plain submission
run unknown-v 'echo "lost" | sendmail -v nosuchuser'
run unknown-oem 'echo "lost" | sendmail -oem -oi -- nosuchuser'
run unknown-plain 'echo "lost" | sendmail nosuchuser'
# ErrorMode at submission: quiet, mail back and exit 0, a good recipient
# with a bad one (mailed back; printed and dead.letter with -odq), an
# address with a syntax error, an error: alias, a failing program
# without -v, a message with too many hops (-odi, -oem, -odq)
rm -f /root/dead.letter
run unknown-oeq 'echo "lost" | sendmail -odi -oeq nosuchuser'
run unknown-oee 'echo "lost" | sendmail -odi -oee nosuchuser'
run mixed-oem 'echo "mixed" | sendmail -odi -oem nosuchuser bob'
run mixed-odq 'echo "mixed" | sendmail -odq nosuchuser bob; rm -f /var/spool/mqueue/*'
run syntax 'echo "syntax" | sendmail -odi "a<b"'
printf '"|failer"\n' > /home/carol/.forward; chown carol:carol /home/carol/.forward
run prog-odi 'echo "to carol" | sendmail -odi carol'
run prog-v-oeq 'echo "to carol" | sendmail -v -oeq carol'
rm -f /home/carol/.forward
# an alias list with an owner (team: alice, bob, carol, friend@example.org;
# owner-team: alice) delivered at once: the list goes out from its owner
# in a clone; an alias to an unknown user (ghost: nosuchuser)
run owner-odi 'echo "to the team" | sendmail -odi carol team; mailq; rm -f /var/spool/mqueue/*'
run ghost-odi 'echo "to the ghost" | sendmail -odi ghost'
run ghost-oem 'echo "to the ghost" | sendmail -v -oem ghost'
# the same in the default background mode (-odb): the reference expands
# before it queues there too (the refusal printed, the list's clone split)
run ghost-odb 'echo "to the ghost" | sendmail ghost; sleep 1'
run owner-odb 'n=$(grep -c "to=friend@example.org," $SBX/log/syslog.raw); echo "to the team" | sendmail carol team; for i in $(seq 150); do [ $(grep -c "to=friend@example.org," $SBX/log/syslog.raw) -gt $n ] && break; sleep 0.1; done; sleep 0.5; mailq; rm -f /var/spool/mqueue/*'
hops() { for i in $(seq "$1"); do echo "$2: from relay$i.example.org by mail$i.example.org"; done; printf 'Subject: hops\n\nlooping\n'; }
run hops-25 "$(declare -f hops); hops 24 Received | sendmail -odi alice"
run hops-26 "$(declare -f hops); hops 26 Received | sendmail -odi alice"
run hops-v "$(declare -f hops); hops 26 Received | sendmail -v alice"
run hops-oem "$(declare -f hops); hops 26 Via | sendmail -odi -oem alice"
run hops-odq "$(declare -f hops); hops 26 Mail-From | sendmail -odq alice; ls /var/spool/mqueue"
run hops-h "echo hi | sendmail -h 26 -odi -oeq alice"
# -odq: the queue, mailq, check_mailq, then sendmail -q delivers
run odq 'echo "queued 1" | sendmail -odq alice && echo "queued 2" | sendmail -odq bob carol'
run mailq-queued 'mailq'
run check_mailq-queued '/usr/lib/nagios/plugins/check_mailq -M sendmail -w 1 -c 5'
run check_mailq-critical '/usr/lib/nagios/plugins/check_mailq -M sendmail -w 1 -c 2'
run q-v 'sendmail -q -v'
run mailq-after 'mailq'
run check_mailq-after '/usr/lib/nagios/plugins/check_mailq -M sendmail -w 1 -c 5'
sleep 0.3
cp "$SBX/log/syslog.raw" "$OUTD/syslog.raw"
true
