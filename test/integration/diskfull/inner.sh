# run inside the sandbox by diskfull.t: a 4 MiB tmpfs mounted over the
# queue directory (the sandbox's private mount namespace) filled up while
# messages are submitted, first with our binary, then with the
# reference's on a fresh tmpfs.  Per binary WHO, into $OUTD:
#   WHO.SCEN.rc / .out   exit status and output of the submission
#   WHO.SCEN.ls          the queue directory afterwards
#   WHO.early.ls         the queue with the two early messages
#   WHO.mbox             alice's mailbox after a queue run on a freed disk
#   WHO.minN.{out,rc,log} a submission with N free blocks (MinFreeBlocks=100)
#   WHO.minsmtp.out      the 452 reply to MAIL FROM with 50 free blocks
set -u
REFB=${REF:-/opt/sendmail-ref}/usr/libexec/sendmail/sendmail
Q=/var/spool/mqueue
bash "$L/postinstall.sh" >/dev/null 2>&1
# fill N: leave N free 4 KiB pages on the queue's file system
fill() {
	rm -f $Q/filler
	dd if=/dev/zero of=$Q/filler bs=4k count=$(( $(df -k --output=avail $Q | tail -1) / 4 - $1 )) 2>/dev/null
}
for who in ours ref; do
	S=sendmail; RUN="sendmail -Am -q"
	# the reference's -q runs in the background; -v keeps it in front
	[ $who = ref ] && S=$REFB RUN="$REFB -Am -q -v"
	mount -t tmpfs -o size=4m,mode=700 qfull-$who $Q
	for i in 1 2; do
		printf 'Subject: early%s\n\ntoken=%s-early%s\n' $i $who $i | $S -Am -odq alice
	done
	ls $Q > "$OUTD/$who.early.ls"
	# MinFreeBlocks=0: the writes themselves meet ENOSPC
	for scen in full:0 onepage:1; do
		fill ${scen#*:}
		printf 'Subject: %s\n\ntoken=%s-%s\n' ${scen%:*} $who ${scen%:*} |
			$S -Am -odq -OMinFreeBlocks=0 alice > "$OUTD/$who.${scen%:*}.out" 2>&1
		echo $? > "$OUTD/$who.${scen%:*}.rc"
		ls $Q | grep -v '^filler$' > "$OUTD/$who.${scen%:*}.ls"
	done
	rm -f $Q/filler
	# MinFreeBlocks (the seed cf's 100): refused below 100 blocks + the
	# header's block; the first "low on space" log line of each
	for free in 150 101 100 50; do
		fill $free
		: > "$SBX/log/syslog.raw"
		printf 'Subject: m%s\n\ntoken=%s-min%s\n' $free $who $free |
			$S -Am -odq alice > "$OUTD/$who.min$free.out" 2>&1
		echo $? > "$OUTD/$who.min$free.rc"
		sleep 0.3
		grep -m1 'low on space' "$SBX/log/syslog.raw" | sed -E -f "$L/normalise.sed" > "$OUTD/$who.min$free.log"
	done
	fill 50
	(sleep 0.3; printf 'EHLO x\r\n'; sleep 0.2; printf 'MAIL FROM:<carol> SIZE=100\r\n'; sleep 0.2; printf 'QUIT\r\n') |
		$S -Am -bs 2>&1 | grep '^452' > "$OUTD/$who.minsmtp.out"
	rm -f $Q/filler
	# the two early messages and the two accepted above 100 blocks
	ls $Q | grep -c '^qf' > "$OUTD/$who.minqueued"
	$RUN > /dev/null 2>&1
	ls $Q > "$OUTD/$who.after.ls"
	cp /var/mail/alice "$OUTD/$who.mbox" 2>/dev/null
	rm -f /var/mail/alice
	umount $Q
done
true
