#
# FEATURE(`tls_session_features'): the access map can set STARTTLS session features (TLS_Srv_Features:, TLS_Clt_Features:).
# (a flag: the rulesets test _FEAT_tls_session_features)
#
