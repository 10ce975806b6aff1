dnl rules_dnsbl.m4 -- the check_relay rules of one DNS blocklist; read by
dnl rules_policy.m4 once for each FEATURE(dnsbl) and FEATURE(enhdnsbl) of
dnl the .mc, with _POL_BL the number of the list (its feature name is
dnl _CF_DNSBL_n, its arguments _CF_DNSBL_n_ARGk: see _CF_FEAT_KEEP).
dnl Workspace: client name $| client address (kept on the way out).
dnl The lookup key and the messages use the macro client_addr.  Read with
dnl changecom() in effect (the rules contain the m4 comment character).
dnl
# DNS blocklist _POL_BLARG(1) (_POL_BLKIND)
R$* $| $*			$: $1 $| $2 $| $&{client_addr}
R$* $| $* $| $-.$-.$-.$-	$: $1 $| $2 $| < $(_POL_BLMAP $6.$5.$4.$3._POL_BLARG(1). $: OK $) >
R$* $| $* $| < OK >		$: $1 $| $2
ifelse(_POL_BLARG(3), `',
`R$* $| $* $| < $* < TMP > >	$: $1 $| $2',
_POL_BLARG(3), `t',
`R$* $| $* $| < $* < TMP > >	$#error $@ 4.4.3 $: "451 Temporary lookup failure of " $&{client_addr} " at _POL_BLARG(1)"',
`R$* $| $* $| < $* < TMP > >	$#error $@ 4.4.3 $: _POL_BLARG(3)')
ifelse(_POL_BLKIND, `enhdnsbl', `ifelse(_POL_BLARG(4), `',
`R$* $| $* $| < $+ >		_POL_BLACTION
', `_POL_BLANSWERS(4)')', `R$* $| $* $| < $+ >		_POL_BLACTION
')dnl
R$* $| $* $| $*			$: $1 $| $2
