# smrsh-cases.sh - the smrsh cases, run inside sbx.sh once with the
# reference's smrsh and once with ours:  S=smrsh OUT=dir bash smrsh-cases.sh
# Each case leaves OUT/NNN: its standard output and error and exit status.
mkdir -p /etc/mail/smrsh "$OUT"
cd /etc/mail/smrsh
# show: prints its arguments and the command line its shell was given
printf '#!/bin/sh\necho "0=$0 args:$*"; tr "\\0" "|" < /proc/$PPID/cmdline; echo; env | sort; exit 3\n' > show
printf '#!/bin/sh\nexit 0\n' > q
printf '#!/bin/sh\necho noexec\n' > noexec
printf '#!/bin/sh\necho owner-only\n' > owneronly
chmod 755 show q; chmod 644 noexec; chmod 744 owneronly
ln -s /bin/echo myecho; ln -s show lnk; ln -s /nonexistent dangling; mkdir adir
mkdir -p "$OUT.cwd"; cd "$OUT.cwd"
n=0
t() { # args for smrsh
	n=$((n + 1)); f=$OUT/$(printf %03d $n)
	{ printf '[%q] ' "$@"; echo; } > "$f"
	"$S" "$@" >> "$f" 2>&1; echo "rc=$?" >> "$f"
}
A() { printf 'a%.0s' $(seq "$1"); }
# usage
t; t -x; t -c; t -c ""; t -c "   "; t -x q; t -c q extra; t -cq; t -- -c q
# allowed programs, builtins, exec, path-qualified names
t -c "myecho hello"; t -c "show a b"; t -c "/usr/bin/show a b"; t -c "x/y/show a"
t -c "../show"; t -c "lnk q"; t -c "exec show a"; t -c "  exec   show   a  "
t -c "exec	show	tab"; t -c "exec exec show"; t -c "exec /x/y/show z"
t -c "echo a b c"; t -c "echo"; t -c "exit 5"; t -c "exit"; t -c "exec exit 4"
t -c "show a || exit 75"; t -c "show a && myecho b"; t -c "show a||show b"
t -c "  show a ||   show b && exit 0 ||	 q"; t -c "show ||"; t -c "show a &&"
t -c "show 'a b'"; t -c 'show "a b"'; t -c 'show a\b'; t -c "show ~ * ? [x] {y} # = %"
# not available
t -c "nothere x"; t -c "/usr/bin/nothere x"; t -c "exec /usr/bin/nothere x"
t -c "noexec"; t -c "adir"; t -c "dangling"; t -c "sh -c id"; t -c "A=b show"
t -c "show/"; t -c "/"; t -c "a/ b"; t -c "exec"; t -c "EXEC show"; t -c "ECHO hi"
t -c "echox"; t -c "exitx"; t -c "execshow"; t -c "''"; t -c '"show" x'; t -c 'show\ x'
t -c "show a || ls"; t -c "show a|||show b"; t -c "myecho a ||| myecho b"
t -c "show a |||| show"; t -c "show a && && show"; t -c "show a&&&show b"
t -c "q ||q||"; t -c "||"; t -c "  ||q"; t -c "exec "; t -c "show || exec  "
t -c "show 'a || b'"
# metacharacters
for c in '`' '<' '>' ';' '$' '(' ')' '^' '|' '&' $'\r' $'\n' '{' '!' '"' "'"; do
	t -c "show a${c}b"
done
t -c "show a; x || ls"; t -c "nothere ; b"; t -c "ls; rm"; t -c "show a && ls ; b"
# every byte after, before and as part of a command word
for i in $(seq 1 255); do
	c=$(printf "\\$(printf %03o "$i")x"); c=${c%x}
	t -c "q a${c}b"; t -c "${c}q"; t -c "q${c}"; t -c "exec${c}q"
done
t -c "q "$'\xfc\xfc'" q"; t -c "q "$'\xa6\xa6'" q"
# length limits
t -c "q $(A 980)"; t -c "q $(A 981)"; t -c "$(A 982)"; t -c "$(A 983)"
t -c "nothere || q $(A 990)"; t -c "q $(A 965) || nothere"; t -c "q $(A 965) || q"
t -c "q $(A 960) || q"; t -c "q $(A 940) || q || q"; t -c "q $(A 950) || q || q"
t -c "echo $(A 962) || q"; t -c "q $(A 960) ; q"; t -c "$(printf ' %.0s' $(seq 1000))"
# permissions as another user
for c in owneronly show nothere "show ;"; do
	n=$((n + 1)); f=$OUT/$(printf %03d $n); echo "[nobody $c]" > "$f"
	setpriv --reuid=65534 --regid=65534 --clear-groups "$S" -c "$c" >> "$f" 2>&1; echo "rc=$?" >> "$f"
done
# no smrsh directory at all
mv /etc/mail/smrsh /etc/mail/smrsh.off; t -c "show"; mv /etc/mail/smrsh.off /etc/mail/smrsh
sleep 0.3
