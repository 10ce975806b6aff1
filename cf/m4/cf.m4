divert(-1)
#
# cf.m4 -- entry point of the sendmail-cleanroom m4 configuration library.
#
#   m4 cf/m4/cf.m4 site.mc > sendmail.cf
#   m4 -D_CF_DIR_=/usr/share/sendmail-cf/ /usr/share/sendmail-cf/m4/cf.m4 site.mc
#   or, in site.mc:  include(`/usr/share/sendmail-cf/m4/cf.m4')
#
# Nothing is written while the .mc is read: its macros only record facts
# (see doc/cf-design.md).  proto.m4 writes the whole file when the input
# ends, through m4wrap.
#
# _CF_DIR_ is the library's top directory, with a trailing slash.  When it
# is not given with -D it is worked out from the name this file was read
# under: DIR/m4/cf.m4 gives DIR/, plain cf.m4 (run from inside m4/) gives ../
#
ifdef(`_CF_DIR_', `',
`define(`_CF_DIR_',
	ifelse(regexp(__file__, `m4/cf\.m4$'), `-1', `../',
		`patsubst(__file__, `m4/cf\.m4$', `')'))')
# an empty prefix means the current directory; always end with a slash
ifelse(_CF_DIR_, `', `define(`_CF_DIR_', `./')')
ifelse(regexp(_CF_DIR_, `/$'), `-1', `define(`_CF_DIR_', _CF_DIR_`/')')
#
# loading the library twice (a .mc that includes cf.m4 when it was also
# given on the command line) is harmless
ifdef(`_CF_LOADED_', `', `
define(`_CF_LOADED_', `1')
include(_CF_DIR_`m4/interface.m4')
include(_CF_DIR_`m4/options.m4')
include(_CF_DIR_`m4/proto.m4')
')
divert(0)dnl
