divert(-1)
#
# interface.m4 -- the macros a .mc file calls.  They only record facts
# (doc/cf-design.md, "Facts recorded by the interface"); proto.m4 turns
# the facts into sendmail.cf lines when the input ends.
#
# Conventions of this library:
#   _CF_*            internal helpers and bookkeeping (ours)
#   _FEAT_name       a FEATURE is on; _FEAT_name_ARGn its arguments
#   _MAILER_name_    a mailer is defined (set by the cf/mailer files)
#   _HACK_name       a HACK was loaded; _HACK_name_ARGn its arguments
#   _CF_CLASSW_x     the words of class x; _CF_CLASSF_x its F specs
#   _CF_USED_X       the .mc used the text section X (LOCAL_CONFIG, ...)
#

############################## errors
# _CF_ERROR(message): report misuse at generation time, the way m4 reports
# its own errors (program:file:line:), and stop with a non-zero status.
define(`_CF_ERROR',
`errprint(__program__`:'__file__`:'__line__`: *** ERROR: $1
')m4exit(`1')')
# _CF_WARN(message): same prefix, generation goes on.
define(`_CF_WARN',
`errprint(__program__`:'__file__`:'__line__`: warning: $1
')')

############################## small tools
# _CF_APPEND(macro, text): add text at the end of a macro's value
define(`_CF_APPEND',
`ifdef(`$1', `define(`$1', defn(`$1')`$2')', `define(`$1', `$2')')')
# _CF_ADDWORDS(macro, words): add words, separated by one space
define(`_CF_ADDWORDS',
`ifelse(`$2', `', `',
`ifdef(`$1', `define(`$1', defn(`$1')` $2')', `define(`$1', `$2')')')')
# _CF_LIST_ADD(listmacro, name): remember a name once, in first-seen order;
# the list is a comma separated string of plain names
# Each item is also kept on its own (listmacro_1, listmacro_2, ...) for
# _CF_EACHL, which hands items over quoted: an item may well be the name
# of a defined macro (confXXX) and must not be expanded.
define(`_CF_LIST_ADD',
`ifdef(`_CF_INLIST_$1_$2', `',
`define(`_CF_INLIST_$1_$2', `1')ifdef(`$1', `define(`$1', defn(`$1')`,$2')', `define(`$1', `$2')')dnl
define(`$1_N', incr(_CF_VALUE(`$1_N', `0')))define(`$1_'defn(`$1_N'), `$2')')')
# _CF_EACHL(listmacro, fn): fn(`item') for each item, in order
define(`_CF_EACHL', `_CF_EACHL1(`$1', `$2', `1')')
define(`_CF_EACHL1',
`ifdef(`$1_$3', `$2(defn(`$1_$3'))`'_CF_EACHL1(`$1', `$2', incr(`$3'))')')
# _CF_EACH(fn, a, b, c...): fn(`a')fn(`b')...; stops at an empty item
define(`_CF_EACH',
`ifelse(`$2', `', `', `$1(`$2')`'_CF_EACH(`$1', shift(shift($@)))')')
# _CF_LIST(listmacro): the items of a list, as separate arguments
define(`_CF_LIST', `ifdef(`$1', `$1')')
# _CF_NOTE(text): a comment line "# text" with the text expanded first
# (text written directly after "#" is an m4 comment and never expanded)
define(`_CF_NOTE', `# $1
')
# _CF_VALUE(name, default): the value of macro name, or default when the
# macro is not defined
# (the value is expanded, as a .mc writer expects: quote twice to keep
# commas or macro names in a value)
define(`_CF_VALUE', `ifdef(`$1', `$1`'', ``$2'')')
# _CF_RAW(name, default): the same, but the text exactly as defined
define(`_CF_RAW', `ifdef(`$1', `defn(`$1')', ``$2'')')
# _CF_NAME_OK(name): 1 for a plain file name word (letters, digits, _ - .)
define(`_CF_NAME_OK',
`ifelse(`$1', `', `0', regexp(`$1', `^[A-Za-z0-9_][A-Za-z0-9_.+-]*$'), `0', `1', `0')')

# the .mc's own output stays where it is; the library's files are read in
# silence and the caller's diversion is put back afterwards
define(`_CF_QUIET', `pushdef(`_CF_DIVSAVE', divnum)divert(-1)')
define(`_CF_LOUD', `divert(_CF_DIVSAVE)popdef(`_CF_DIVSAVE')')

# _CF_LOAD(dir, name, caller, what): read _CF_DIR_/dir/name.m4, or stop
# with a message naming the caller when there is no such file
define(`_CF_LOAD',
`ifelse(_CF_NAME_OK(`$2'), `1', `',
`_CF_ERROR(`$3(`$2'): not a valid $4 name')')dnl
syscmd(`test -r '_CF_DIR_`$1/$2.m4')dnl
ifelse(sysval, `0',
`_CF_QUIET`'include(_CF_DIR_`$1/$2.m4')_CF_LOUD`'',
`_CF_ERROR(`$3(`$2'): unknown $4 (no file '_CF_DIR_`$1/$2.m4)')')')

############################## identification
# VERSIONID(`text'): a comment line in the header of the .cf
define(`VERSIONID', `_CF_APPEND(`_CF_VERSIONS', `##### $1
')')

############################## OSTYPE, DOMAIN, HACK, FEATURE
define(`OSTYPE',
`ifelse(`$1', `', `_CF_ERROR(`OSTYPE() needs a system type')')dnl
define(`_CF_OSTYPE_', `$1')_CF_LOAD(`ostype', `$1', `OSTYPE', `system type')')

define(`DOMAIN',
`ifelse(`$1', `', `_CF_ERROR(`DOMAIN() needs a domain file name')')dnl
_CF_LIST_ADD(`_CF_DOMAINS', `$1')_CF_LOAD(`domain', `$1', `DOMAIN', `domain')')

# arguments after the name: _PREFIX_name_ARG1, _ARG2, ... (only those given)
define(`_CF_SETARGS',
`define(`$1_ARG$2', `$3')ifelse(eval(`$#' > 3), `1',
`_CF_SETARGS(`$1', incr(`$2'), shift(shift(shift($@))))')')

# a FEATURE given again has the arguments of its last use only
define(`_CF_CLEARARGS', `undefine(`$1_ARG1', `$1_ARG2', `$1_ARG3', `$1_ARG4',
`$1_ARG5', `$1_ARG6', `$1_ARG7', `$1_ARG8', `$1_ARG9')')

define(`HACK',
`ifelse(`$1', `', `_CF_ERROR(`HACK() needs a hack name')')dnl
define(`_HACK_$1', `1')ifelse(`$#', `1', `', `_CF_SETARGS(`_HACK_$1', `1', shift($@))')dnl
_CF_LIST_ADD(`_CF_HACKS', `$1')_CF_LOAD(`hack', `$1', `HACK', `hack')')

define(`FEATURE',
`ifelse(`$1', `', `_CF_ERROR(`FEATURE() needs a feature name')')dnl
ifelse(_CF_NAME_OK(`$1'), `1', `', `_CF_ERROR(`FEATURE(`$1'): not a valid feature name')')dnl
define(`_FEAT_$1', `1')_CF_CLEARARGS(`_FEAT_$1')dnl
ifelse(`$#', `1', `', `_CF_SETARGS(`_FEAT_$1', `1', shift($@))')dnl
_CF_LIST_ADD(`_CF_FEATURES', `$1')_CF_LOAD(`feature', `$1', `FEATURE', `feature')')

# _CF_FEATURE_BEFORE_MAILER(feature, mailer): used by feature files that
# change a mailer's definition, which must come before MAILER(mailer)
define(`_CF_FEATURE_BEFORE_MAILER',
`ifdef(`_CF_MAILER_LOADED_$2',
`_CF_ERROR(`FEATURE(`$1') must come before MAILER(`$2')')')')

############################## MAILER
# MAILER(name) reads cf/mailer/name.m4, which defines the mailers of the
# group (_MAILER_x_) and a macro _CF_MAILER_WRITE_name that proto.m4
# calls, in MAILER() order, to write their M lines.
define(`MAILER',
`ifelse(`$1', `', `_CF_ERROR(`MAILER() needs a mailer name')')dnl
ifdef(`_CF_MAILER_LOADED_$1', `',
`define(`_CF_MAILER_LOADED_$1', `1')_CF_LIST_ADD(`_CF_MAILERS', `$1')dnl
_CF_LOAD(`mailer', `$1', `MAILER', `mailer')')')

############################## classes and macros
# _CF_CLASS(name, words): words for class name (C line)
# _CF_CLASSFILE(name, spec): a file for class name (F line)
define(`_CF_CLASS',
`_CF_LIST_ADD(`_CF_CLASSES', `$1')_CF_ADDWORDS(`_CF_CLASSW_$1', `$2')')
define(`_CF_CLASSFILE',
`_CF_LIST_ADD(`_CF_CLASSFILES', `$1')_CF_APPEND(`_CF_CLASSF_$1', `F'_CF_CNAME(`$1')`$2
')')
# the way a class or macro name is written in the .cf: x or {name}
define(`_CF_CNAME', `ifelse(len(`$1'), `1', `$1', `{$1}')')

# _CF_DMACRO(name, value): a D line written in the macros section
# (a later call for the same name replaces the value)
define(`_CF_DMACRO',
`_CF_LIST_ADD(`_CF_DMACROS', `$1')define(`_CF_DVAL_$1', `$2')')

# masquerading
define(`MASQUERADE_AS',
`ifelse(`$1', `', `_CF_ERROR(`MASQUERADE_AS() needs a host name')')dnl
define(`MASQUERADE_NAME', `$1')')
define(`MASQUERADE_DOMAIN', `_CF_CLASS(`M', `$1')')
define(`MASQUERADE_DOMAIN_FILE', `_CF_CLASSFILE(`M', `$1')')
define(`MASQUERADE_EXCEPTION', `_CF_CLASS(`N', `$1')')
define(`MASQUERADE_EXCEPTION_FILE', `_CF_CLASSFILE(`N', `$1')')
define(`EXPOSED_USER', `_CF_CLASS(`E', `$1')')
define(`EXPOSED_USER_FILE', `_CF_CLASSFILE(`E', `$1')')
define(`GENERICS_DOMAIN', `_CF_CLASS(`G', `$1')')
define(`GENERICS_DOMAIN_FILE', `_CF_CLASSFILE(`G', `$1')')
define(`LOCAL_DOMAIN', `_CF_CLASS(`w', `$1')')
define(`LOCAL_USER', `_CF_CLASS(`L', `$1')')
define(`LOCAL_USER_FILE', `_CF_CLASSFILE(`L', `$1')')
define(`RELAY_DOMAIN', `_CF_CLASS(`R', `$1')')
define(`RELAY_DOMAIN_FILE', `_CF_CLASSFILE(`R', `$1')define(`_CF_RELAY_FILE_GIVEN', `1')')
define(`VIRTUSER_DOMAIN', `_CF_CLASS(`VirtHost', `$1')')
define(`VIRTUSER_DOMAIN_FILE', `_CF_CLASSFILE(`VirtHost', `$1')')
define(`CANONIFY_DOMAIN', `_CF_CLASS(`Canonify', `$1')')
define(`CANONIFY_DOMAIN_FILE', `_CF_CLASSFILE(`Canonify', `$1')')
# mechanisms whose authentication makes a client trusted for relaying
define(`TRUST_AUTH_MECH', `_CF_CLASS(`TrustAuthMech', `$1')')

############################## options given by macros
# DAEMON_OPTIONS / CLIENT_OPTIONS: one O line each, in order
define(`DAEMON_OPTIONS', `_CF_APPEND(`_CF_DAEMON_OPTS', `O DaemonPortOptions=$1
')define(`_CF_DAEMON_GIVEN', `1')')
define(`CLIENT_OPTIONS', `_CF_APPEND(`_CF_CLIENT_OPTS', `O ClientPortOptions=$1
')')

# mail filters: X lines, and the InputMailFilters option for INPUT_ ones
define(`MAIL_FILTER',
`ifelse(`$1', `', `_CF_ERROR(`MAIL_FILTER() needs a filter name')')dnl
_CF_APPEND(`_CF_FILTER_LINES', `X$1, $2
')')
define(`INPUT_MAIL_FILTER',
`MAIL_FILTER(`$1', `$2')dnl
ifdef(`confINPUT_MAIL_FILTERS',
`define(`confINPUT_MAIL_FILTERS', defn(`confINPUT_MAIL_FILTERS')`, $1')',
`define(`confINPUT_MAIL_FILTERS', `$1')')')

# QUEUE_GROUP(name, equates): a Q line
define(`QUEUE_GROUP',
`ifelse(`$1', `', `_CF_ERROR(`QUEUE_GROUP() needs a group name')')dnl
_CF_APPEND(`_CF_QUEUE_GROUPS', `Q$1, $2
')')

############################## text sections written by the .mc
# After LOCAL_CONFIG (and the others) the .mc's lines are kept in a
# diversion; proto.m4 and the rules files put them in place with
# _CF_TEXT(NAME), e.g. _CF_TEXT(`LOCAL_RULE_0'), or with the short names
# _LOCAL_RULE_0_TEXT, _LOCAL_CONFIG_TEXT, ...  _CF_USED_NAME is defined
# when the .mc used the section.
define(`_CF_DIV_LOCAL_CONFIG', `1')
define(`_CF_DIV_LOCAL_RULE_0', `2')
define(`_CF_DIV_LOCAL_RULE_1', `3')
define(`_CF_DIV_LOCAL_RULE_2', `4')
define(`_CF_DIV_LOCAL_RULE_3', `5')
define(`_CF_DIV_LOCAL_RULESETS', `6')
define(`_CF_DIV_LOCAL_NET_CONFIG', `7')
define(`_CF_DIV_LOCAL_SRV_FEATURES', `8')
define(`_CF_DIV_LOCAL_CLT_FEATURES', `9')
define(`_CF_DIV_LOCAL_TRY_TLS', `10')
define(`_CF_DIV_LOCAL_TLS_RCPT', `11')
define(`_CF_DIV_LOCAL_TLS_CLIENT', `12')
define(`_CF_DIV_LOCAL_TLS_SERVER', `13')
define(`_CF_DIV_LOCAL_STARTTLS', `14')
define(`_CF_DIV_LOCAL_UUCP', `15')
define(`_CF_TEXTSECTION',
`define(`$1', `define(`_CF_USED_$1', `1')divert(_CF_DIV_$1)dnl')dnl
define(`_$1_TEXT', `undivert(_CF_DIV_$1)')')
_CF_EACH(`_CF_TEXTSECTION', `LOCAL_CONFIG', `LOCAL_RULE_0', `LOCAL_RULE_1',
	`LOCAL_RULE_2', `LOCAL_RULE_3', `LOCAL_RULESETS', `LOCAL_NET_CONFIG',
	`LOCAL_SRV_FEATURES', `LOCAL_CLT_FEATURES', `LOCAL_TRY_TLS',
	`LOCAL_TLS_RCPT', `LOCAL_TLS_CLIENT', `LOCAL_TLS_SERVER',
	`LOCAL_STARTTLS', `LOCAL_UUCP')
define(`_CF_TEXT', `undivert(_CF_DIV_$1)')
# LOCAL_RULE_1 and _2 must not come after a MAILER in the reference's
# documentation; we accept them anywhere.

# SITECONFIG and UUCP are not supported
define(`SITECONFIG', `_CF_ERROR(`SITECONFIG is not supported by this library (UUCP)')')

############################## mailer lines
# _CF_MLINE(name, path, flags, S=, R=, fields, types, argv): one M line.
# fields is a list of "x=value, " pieces made with _CF_MF; the argument
# vector comes last on its own line.
define(`_CF_MLINE',
`M$1,	P=$2, F=$3, S=$4, R=$5,
	$6T=$7,
	A=$8
')
# _CF_MF(key, macro): "key=value, " when the macro is defined and not empty
define(`_CF_MF', `ifelse(_CF_VALUE(`$2', `'), `', `', ``$1='_CF_VALUE(`$2')`, '')')
# LOCAL_RULE_n text for the rules files
define(`_LOCAL_RULES_HOOK', `_CF_TEXT(`LOCAL_RULE_$1')')
# _CF_DEFAULT(macro, value): define macro unless the .mc already did
define(`_CF_DEFAULT', `ifdef(`$1', `', `define(`$1', `$2')')')

############################## helpers for feature files
# _CF_FEAT_ARG(feature, n, default): argument n of the feature, or the
# default when it was not given or is empty
define(`_CF_FEAT_ARG',
`ifelse(_CF_RAW(`_FEAT_$1_ARG$2', `'), `', ``$3'', `defn(`_FEAT_$1_ARG$2')')')
# _CF_FEAT_MAP(feature, map, default spec): the feature's map; its first
# argument, when given, is the whole map specification
define(`_CF_FEAT_MAP',
`_CF_KMAP(`$2', _CF_FEAT_ARG(`$1', `1', `$3'), `FEATURE($1)')')
# _CF_FEAT_REQUIRES(feature, other): checked when the input ends, so the
# order of the two FEATURE lines does not matter
define(`_CF_FEAT_REQUIRES',
`_CF_APPEND(`_CF_LATE_CHECKS',
`ifdef(`_FEAT_$2', `', `_CF_ERROR(`FEATURE(`$1') requires FEATURE(`$2')')')')')
# _CF_FEAT_KEEP(feature, list): for a feature that may be used more than
# once (dnsbl, enhdnsbl): this use becomes entry n of list, list_n being
# the feature name and list_n_ARGk its arguments; list_N is the count
define(`_CF_FEAT_KEEP',
`define(`$2_N', ifdef(`$2_N', `incr($2_N)', `1'))dnl
define(`$2_'$2_N, `$1')_CF_KEEPARGS(`_FEAT_$1_ARG', `$2_'$2_N`_ARG', `1')')
define(`_CF_KEEPARGS',
`ifdef(`$1$3', `define(`$2$3', defn(`$1$3'))')dnl
ifelse(`$3', `9', `', `_CF_KEEPARGS(`$1', `$2', incr(`$3'))')')
# _CF_FEAT_NEEDARG(feature, what): the first argument is mandatory
define(`_CF_FEAT_NEEDARG',
`ifelse(_CF_RAW(`_FEAT_$1_ARG1', `'), `', `_CF_ERROR(`FEATURE(`$1') needs an argument: $2')')')
# _CF_FEAT_ONEOF(feature, n, words...): argument n must be one of words
define(`_CF_FEAT_ONEOF',
`ifelse(_CF_INWORDS(_CF_RAW(`_FEAT_$1_ARG$2', `'), shift(shift($@))), `1', `',
`_CF_ERROR(`FEATURE(`$1'): argument $2 must be one of: 'shift(shift($@)))')')
define(`_CF_INWORDS',
`ifelse(`$2', `', `0', `$1', `$2', `1', `_CF_INWORDS(`$1', shift(shift($@)))')')
