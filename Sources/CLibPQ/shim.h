#ifndef ECPA_CLIBPQ_SHIM_H
#define ECPA_CLIBPQ_SHIM_H

#include <libpq-fe.h>

/* Character-literal macros are not imported into Swift; expose the ones we read. */
static const int ECPA_PG_DIAG_SEVERITY_NONLOCALIZED = PG_DIAG_SEVERITY_NONLOCALIZED;
static const int ECPA_PG_DIAG_SQLSTATE = PG_DIAG_SQLSTATE;
static const int ECPA_PG_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY;
static const int ECPA_PG_DIAG_MESSAGE_DETAIL = PG_DIAG_MESSAGE_DETAIL;
static const int ECPA_PG_DIAG_MESSAGE_HINT = PG_DIAG_MESSAGE_HINT;
static const int ECPA_PG_DIAG_CONSTRAINT_NAME = PG_DIAG_CONSTRAINT_NAME;
static const int ECPA_PG_DIAG_TABLE_NAME = PG_DIAG_TABLE_NAME;
static const int ECPA_PG_DIAG_COLUMN_NAME = PG_DIAG_COLUMN_NAME;

#endif
