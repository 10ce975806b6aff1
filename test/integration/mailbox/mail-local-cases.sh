# mail-local-cases.sh - the mail.local cases, run inside sbx.sh once with
# the reference's mail.local and once with ours:
#     M=mail.local OUT=dir HOMES=dir bash mail-local-cases.sh
# Each case leaves OUT/NNN: what mail.local printed, its exit status and
# then every file of /var/mail (owner, group, mode, size, contents with
# the From_ line's date replaced by DATE).
mkdir -p "$OUT" "$HOMES"
useradd -M -d /nonexistent alice; useradd -M -d "$HOMES/bob" bob; useradd -M carol
mkdir -p "$HOMES/bob"; chown bob: "$HOMES/bob"
cd "$HOMES"
n=0
dump() {
	for f in /var/mail/* /var/mail/.[!.]* "$HOMES/bob/mbox"; do
		[ -e "$f" ] || [ -L "$f" ] || continue
		case $f in */.lk*) continue ;; esac
		echo "-- ${f##*/} $(stat -c '%U %G %a %s %F' "$f")"
		[ -f "$f" ] && [ ! -L "$f" ] && sed -E \
			's/^(From .*) [A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} [0-9]{4}$/\1 DATE/' "$f" | cat -A
	done
}
t() { # name, then the command (stdin from $IN)
	n=$((n + 1)); f=$OUT/$(printf %03d "$n"); echo "[$1]" > "$f"; shift
	"$@" < "$IN" 2>&1 | tr -d '\r' >> "$f"; echo "rc=${PIPESTATUS[0]}" >> "$f"
	dump >> "$f"
}
clean() { rm -rf /var/mail/* /var/mail/.[!.]*; }
IN=$HOMES/msg
printf 'Subject: hi\nFrom: a@b\n\nFrom me\nline\n>From x\n\nFrom you\nFrom\n' > "$IN"
t "deliver" "$M" -f sender@example.com alice
t "append a second message" "$M" -r other@example.com alice
printf 'From foo bar\nA: b\n cont\n\nxy\r\nz\n.\n' > "$IN"; clean
t "From_ first line, CRLF, continuation" "$M" -f 'a b' alice
printf 'A: b\nContent-Length: 99\n\nxy\n' > "$IN"; clean; t "Content-Length replaced" "$M" -f x alice
printf 'A: b\nB: c\n' > "$IN"; clean; t "no body" "$M" -f x alice
printf 'A: b\n\n' > "$IN"; clean; t "empty body" "$M" -f x alice
printf '\nxy\n' > "$IN"; clean; t "no headers" "$M" -f x alice
: > "$IN"; clean; t "empty message, default sender" "$M" alice
printf 'A: b\n\nc\n' > "$IN"; clean; t "-d -7 -b -D pw accepted" "$M" -d -7 -b -D pw -f x alice
clean; t "-f empty" "$M" -f '' alice
clean; t "several users, one copy each" "$M" -f x alice bob carol
clean; t "unknown user among others" "$M" -f x alice nosuch bob
clean; t "unknown user" "$M" -f x nosuch
t "usage: no user" "$M" -f x
t "usage: bad option" "$M" -q alice
t "usage: -f and -r" "$M" -f a -r b alice
t "-l with users" "$M" -l alice
t "-h file in home" "$M" -f x -h mbox bob
rm -f "$HOMES/bob/mbox"
# mailboxes that must be refused
clean; ln -s "$HOMES/target" /var/mail/alice; t "mailbox is a dangling symlink" "$M" -f x alice
touch "$HOMES/target"; t "mailbox is a symlink" "$M" -f x alice; ls -l "$HOMES/target" | cut -c1-30 >> "$f"
clean; touch /var/mail/alice; chown alice: /var/mail/alice; ln /var/mail/alice /var/mail/hard
t "mailbox has a hard link" "$M" -f x alice
clean; mkdir /var/mail/alice; t "mailbox is a directory" "$M" -f x alice
clean; mkfifo /var/mail/alice; t "mailbox is a fifo" timeout 10 "$M" -f x alice
clean; touch /var/mail/alice; chown bob /var/mail/alice; t "mailbox owned by another user" "$M" -f x alice
clean; touch /var/mail/alice; chown alice /var/mail/alice; chmod 0 /var/mail/alice
t "no permission" "$M" -f x alice
# dot locks: a stale one (older than five minutes) is removed after one wait
clean; echo 1 > /var/mail/alice.lock; chown alice /var/mail/alice.lock; touch -d '-6 min' /var/mail/alice.lock
t "stale dot lock" "$M" -f x alice
if command -v strace >/dev/null; then
	# a fresh one is waited for (5+10+...+75 s): strace makes the waits instant
	clean; echo $$ > /var/mail/alice.lock; touch /var/mail/alice.lock
	t "fresh dot lock held by someone else" strace -f -o /dev/null -e trace=nanosleep,clock_nanosleep \
		-e inject=nanosleep:retval=0 -e inject=clock_nanosleep:retval=0 "$M" -f x alice
fi
# LMTP
clean
printf 'LHLO x\r\nNOOP\r\nDATA\r\nRCPT TO:<alice>\r\nMAIL FROM:<s@e.com> BODY=8BITMIME SIZE=100\r\nMAIL FROM:<t@e.com>\r\nRCPT TO:<alice@example.com>\r\nRCPT TO:<nosuch>\r\nRCPT TO:bob\r\nRCPT TO:<Bob>\r\nRCPT TO:<bob@x> NOTIFY=NEVER\r\nRCPT TO:<carol>\r\nDATA\r\nSubject: x\r\n\r\n..dot\r\nFrom y\r\n.\r\nRSET\r\nVRFY alice\r\nHELO x\r\nEHLO x\r\nFOO\r\nMAIL FROM:<>\r\nRCPT TO:<bob>\r\nDATA\r\n.\r\nQUIT\r\nNOOP\r\n' > "$IN"
t "LMTP dialogue" "$M" -l
printf 'lhlo x\r\nmail from: <a@b>\r\nrcpt to: <bob>\r\nMAIL\r\nRCPT\r\nrset\r\nMAIL FROM:a@b\r\nnoop x\r\nmail from:<a@b>\r\nrcpt to:<bob>\r\ndata\r\nx\r\n.\r\nquit\r\n' > "$IN"
clean; t "LMTP syntax errors, lower case" "$M" -l
printf 'LHLO x\r\n' > "$IN"; t "LMTP -7" "$M" -7 -l
printf 'LHLO x\nMAIL FROM:<a>\nRCPT TO:<bob>\nDATA\nabc\n.\n' > "$IN"; clean; t "LMTP bare LF" "$M" -l
printf 'LHLO x\r\nMAIL FROM:<a>\r\nRCPT TO:<bob>\r\nDATA\r\nabc\r\n' > "$IN"; clean; t "LMTP end of input in DATA" "$M" -l
clean; mkdir /var/mail/alice; ln -s /nowhere /var/mail/carol
printf 'LHLO x\r\nMAIL FROM:<a>\r\nRCPT TO:<alice>\r\nRCPT TO:<bob>\r\nRCPT TO:<carol>\r\nDATA\r\nx\r\n.\r\nQUIT\r\n' > "$IN"
t "LMTP refused mailboxes" "$M" -l
# a full disk: /var/mail on a 64k tmpfs (this mount namespace only)
clean; mount -t tmpfs -o size=64k,mode=1777 full /var/mail
printf 'A: b\n\nsmall\n' > "$IN"; t "full disk: small message fits" "$M" -f x alice
yes 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' | head -1500 > "$HOMES/big"
IN=$HOMES/big; t "full disk: write fails, mailbox truncated back" "$M" -f x alice
t "full disk: -b" "$M" -b -f x alice
{ printf 'LHLO x\r\nMAIL FROM:<a>\r\nRCPT TO:<alice>\r\nRCPT TO:<bob>\r\nDATA\r\n'; sed 's/$/\r/' "$HOMES/big"; printf '.\r\nQUIT\r\n'; } > "$HOMES/lm"
IN=$HOMES/lm; t "full disk: LMTP" "$M" -l
umount /var/mail
sleep 0.3
