#
# FEATURE(`msp' [, `host' [, `MSA']]): a mail submission program's
# configuration (submit.cf): every mailer hands the message over by SMTP
# to the host (default [localhost]; the relay mailer uses port 587 with
# MSA), the queue is the
# client queue, no daemon listens.
#
_CF_FEATURE_BEFORE_MAILER(`msp', `local')
_CF_DMACRO(`MTAHost', _CF_FEAT_ARG(`msp', `1', `[localhost]'))
define(`_CF_MSP_ARGS', ifelse(_CF_VALUE(`_FEAT_msp_ARG2', `'), `MSA', `TCP $h 587', `TCP $h'))
_CF_DEFAULT(`MSP_QUEUE_DIR', `/var/spool/clientmqueue')
define(`QUEUE_DIR', defn(`MSP_QUEUE_DIR'))
_CF_DEFAULT(`STATUS_FILE', defn(`MSP_QUEUE_DIR')`/sm-client.st')
_CF_DEFAULT(`confPID_FILE', defn(`MSP_QUEUE_DIR')`/sm-client.pid')
_CF_DEFAULT(`confDELIVERY_MODE', `i')
_CF_DEFAULT(`confQUEUE_FILE_MODE', `0660')
_CF_DEFAULT(`confFORWARD_PATH', `')
_CF_DEFAULT(`confUSE_MSP', `True')
_CF_DEFAULT(`confPRIVACY_FLAGS', `goaway,noetrn,restrictqrun')
_CF_DEFAULT(`confRUN_AS_USER', `smmsp')
_CF_DEFAULT(`confTRUSTED_USER', `smmsp')
_CF_DEFAULT(`confDONT_PROBE_INTERFACES', `True')
# no alias file: the MTA expands aliases
define(`_CF_NO_ALIAS_FILE', `1')
ifdef(`_CF_DAEMON_OPTS', `', `DAEMON_OPTIONS(`Name=NoMTA, Addr=127.0.0.1, M=E')')
_CF_DEFAULT(`SMTP_MAILER_FLAGS', `k5')
_CF_DEFAULT(`RELAY_MAILER_FLAGS', `k')
# the MTA host is reached through the relay mailer: only it uses port 587
define(`RELAY_MAILER_ARGS', defn(`_CF_MSP_ARGS'))
MAILER(`local')
MAILER(`smtp')
