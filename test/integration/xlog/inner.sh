# run inside the sandbox by xlog.t: the same submissions with -X FILE by
# our sendmail and the reference's; into $OUTD/WHO.CASE the transcript
# normalised (pids, queue ids, dates), WHO.CASE.rc the exit status.
set -u
REFB=${REF:-/opt/sendmail-ref}/usr/libexec/sendmail/sendmail
Q=/var/spool/mqueue
bash "$L/postinstall.sh" >/dev/null 2>&1
norm() {
	sed -E -e 's/^[0-9]{5} /PID /' -e 's/[0-9A-Za-x]{8}[0-9]{6}/QID/g' \
	    -e 's/[A-Z][a-z]{2}, [ 0-9]?[0-9] [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} (GMT|[-+][0-9]{4})/DATE/g' \
	    -e 's/<[0-9]{12}\./</'
}
X=/var/tmp/x
smtp() {
	for l in 'EHLO x' 'MAIL FROM:<carol>' 'RCPT TO:<alice>' 'RCPT TO:<bob>' DATA 'Subject: x' '' hi . QUIT; do
		sleep 0.2; printf '%s\r\n' "$l"
	done
}
mkdir -p $X
for who in ours ref; do
	S=/usr/sbin/sendmail; [ $who = ref ] && S=$REFB
	rm -f $X/* $Q/* /var/mail/*
	printf 'Subject: s\n\nbody\n' | $S -Am -odq -X $X/odq -f carol alice bob; echo $? > "$OUTD/$who.odq.rc"
	printf 'Subject: s\n\nline one\n\tline two\n' | $S -Am -odi -X $X/odi -f carol alice; echo $? > "$OUTD/$who.odi.rc"
	printf 'Subject: s\n\nbody\n.\n' | $S -Am -odq -X $X/dot -f carol alice; echo $? > "$OUTD/$who.dot.rc"
	smtp | $S -Am -bs -odq -X $X/bs >/dev/null; echo $? > "$OUTD/$who.bs.rc"
	# what the submitter is told goes to the transcript too
	printf 'Subject: s\n\nbody\n' | $S -Am -odi -v -X $X/verbose -f carol alice >/dev/null
	echo $? > "$OUTD/$who.verbose.rc"

	# the queue: the three messages above; the reference's -q works in
	# the background, so the queue is watched until it is empty
	$S -Am -q -X $X/qrun; echo $? > "$OUTD/$who.qrun.rc"
	for i in $(seq 40); do ls $Q | grep -q '^qf' || break; sleep 0.25; done
	sleep 0.3
	echo junk > $X/append
	printf 'Subject: s\n\nbody\n' | $S -Am -odq -X $X/append -f carol alice; echo $? > "$OUTD/$who.append.rc"
	( umask 077; printf 'Subject: s\n\nbody\n' | $S -Am -odq -X $X/mode -f carol alice )
	stat -c %a $X/mode > "$OUTD/$who.mode"
	before=$(ls $Q | grep -c '^qf')
	printf 'Subject: s\n\nbody\n' | $S -Am -odq -X /nonexistent/x -f carol alice > "$OUTD/$who.noopen" 2>&1
	echo $? > "$OUTD/$who.noopen.rc"
	echo $(( $(ls $Q | grep -c '^qf') - before )) > "$OUTD/$who.noopen.queued"
	for f in odq odi dot bs verbose qrun append; do norm < $X/$f > "$OUTD/$who.$f"; done
done
true
