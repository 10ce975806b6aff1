# run inside the sandbox by loadavg.t: the load average is faked by the
# file sbx_inner.sh bind-mounts over /proc/loadavg ($SBX/loadavg), and
# the same submissions, listings and queue runs are made with our sendmail
# and the reference's.  Per binary WHO, into $OUTD/WHO.STEP: the output and
# exit status, the queue's file count, the mailbox count and the log lines
# of the step, normalised (the log lines sorted).
set -u
REFB=${REF:-/opt/sendmail-ref}/usr/libexec/sendmail/sendmail
Q=/var/spool/mqueue
bash "$L/postinstall.sh" >/dev/null 2>&1
# sbx_inner.sh bind-mounts $SBX/loadavg over /proc/loadavg
la() { echo "$1 $1 $1 1/100 999" > "$SBX/loadavg"; }
la 1.00
[ "$(cut -d' ' -f1 /proc/loadavg)" = 1.00 ] || exit 1
norm() { sed -E -f "$L/normalise.sed" | sed -E 's/[0-9A-Za-x]{8}[0-9]{6}X /<QID>X /'; }
step() {   # step NAME CMD...: run CMD (shell text) and record
	local n=$1; shift
	: > "$SBX/log/syslog.raw"
	bash -c "$*" > "$OUTD/$who.$n.out" 2>&1
	echo "exit $?" >> "$OUTD/$who.$n.out"
	sleep 0.3
	{ echo "qf: $(ls $Q | grep -c '^qf')"
	  echo "mail: $(cat /var/mail/* 2>/dev/null | grep -c '^From ')"
	} >> "$OUTD/$who.$n.out"
	norm < "$OUTD/$who.$n.out" > "$OUTD/$who.$n"
	# the log lines sorted: the order of equal entries is not QueueLA's
	grep -v 'alias database\|aliases, longest' "$SBX/log/syslog.raw" | norm | sort >> "$OUTD/$who.$n"
}
msg() { echo "printf 'Subject: s\n\nbody\n' | \$S -Am $*"; }
big() { echo "python3 -c \"import sys; sys.stdout.write('Subject: s\n\n' + 'x' * $1 + '\n')\" | \$S -Am ${*:2}"; }
for who in ours ref; do
	export S=/usr/sbin/sendmail; [ $who = ref ] && S=$REFB
	rm -f $Q/* /var/mail/*
	la 30.00
	step 01-odi-queued "$(msg -v -odi -OQueueLA=5 -f carol alice)"
	step 02-odi-cheap "$(msg -v -odi -f carol alice)"
	step 03-factor "$(msg -v -odi -OQueueLA=29 -OQueueFactor=10000 -f carol alice)"
	step 04-odb-queued "$(msg -odb -OQueueLA=5 -f carol bob)"
	step 05-alias "$(msg -v -odi -OQueueLA=5 -f carol webmaster)"
	step 06-bs "(sleep 0.3; printf 'HELO x\r\n'; sleep 0.2; printf 'MAIL FROM:<carol>\r\n'; sleep 0.2; printf 'RCPT TO:<alice>\r\n'; sleep 0.2; printf 'DATA\r\n'; sleep 0.2; printf 'Subject: x\r\n\r\nhi\r\n.\r\n'; sleep 0.3; printf 'QUIT\r\n') | \$S -Am -bs -odi -OQueueLA=5"
	step 07-run-skipped "\$S -Am -q -v -OQueueLA=5"
	step 08-runf-skipped "\$S -Am -qf -v -OQueueLA=5"
	step 09-run "\$S -Am -q -v -OQueueLA=29 | grep -c '^Running .* of 5)'"
	step 10-queue "$(big 50000 -odq -f carol alice); $(msg -odq -f carol bob); $(big 20000 -odq -f carol alice)"
	for o in priority time host random filename modification; do
		step 11-mailq-$o "\$S -Am -bp -OQueueLA=16 -OQueueSortOrder=$o | grep '^[0-9A-Za-z]\\{14\\}' | sort -k2"
	done
	for l in 16.49 16.50 17.00; do
		la $l
		step 12-mailq-la-$l "\$S -Am -bp -OQueueLA=17 -OQueueFactor=1 | grep -c 'X '"
	done
	la 30.00
	step 13-run-filtered "\$S -Am -q -v -OQueueLA=16"
	step 14-run-recipfactor "\$S -Am -q -v -OQueueLA=16 -ORecipientFactor=50000"
	la 1.00
	step 15-run-low "\$S -Am -q -v -OQueueLA=16"
	step 16-odi-low "$(msg -v -odi -OQueueLA=5 -f carol alice)"
done
true
