# bt-cases.sh - sourced by case runners: bt_cases BINARY CASEFILE
# [TIMEOUT] runs each case of CASEFILE through BINARY -bt (each run
# killed after TIMEOUT seconds, 60 by default) in the current directory and
# prints "== name", the output and "rc=N".  A case is a "== name" line,
# cf lines (appended to a small base cf as cN.cf), a "--" line and the
# -bt input.
bt_cases() {
	local bin=$1 cases=$2 limit=${3:-60} i=0 cf= input= name= part= line f
	_bt_flush() {
		[ -n "$name" ] || return 0
		i=$((i+1)); f=c$i.cf
		printf 'V10\nMlocal, P=/bin/true, F=l, A=x\nS0\nR$*\t$#local $: $1\n' > $f
		printf '%s' "$cf" >> $f
		echo "== $name"
		printf '%s' "$input" | timeout "$limit" "$bin" -C $f -bt 2>&1
		echo "rc=$?"
	}
	while IFS= read -r line; do
		case "$line" in
		'== '*) _bt_flush; name=${line#== }; cf=; input=; part=cf;;
		'--') part=in;;
		*) if [ "$part" = cf ]; then cf+="$line"$'\n'; else input+="$line"$'\n'; fi;;
		esac
	done < "$cases"
	_bt_flush
}
