#include "cfc_build_info.h"

// A C target, because a string reaches C through a macro on the command line (-Xcc -D...) and
// Swift has no equivalent: its -D defines only conditions.
#ifndef CFC_BUILD_COMMIT
#define CFC_BUILD_COMMIT ""
#endif

const char *cfc_build_commit(void) { return CFC_BUILD_COMMIT; }
