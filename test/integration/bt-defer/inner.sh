# run inside the sandbox by bt-defer.t: a ruleset returning $&x is added
# to the seed cf, and sendmail -bt shows what it returns for values of x
# with comments, quotes, escapes and unbalanced brackets.  Into $OUTD: bt.
set -u
printf 'SXdefer\nR$*\t$: <$&x>\n' >> /etc/mail/sendmail.cf
while IFS= read -r v; do
	printf '.Dx%s\nXdefer a\n' "$v" | timeout 20 /usr/sbin/sendmail -bt 2>&1 | grep -a -v '^ADDRESS TEST\|^Enter' 
done < "$(dirname "$0")/values" > "$OUTD/bt"
