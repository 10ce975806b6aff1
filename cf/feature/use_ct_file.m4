#
# FEATURE(`use_ct_file'): trusted users are also read from confCT_FILE
# (/etc/mail/trusted-users); proto.m4 writes the F line with the T lines.
#
