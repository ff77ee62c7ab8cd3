#ifndef CFC_BUILD_INFO_H
#define CFC_BUILD_INFO_H

/// The commit the binary was built from, as `make` passes it (-DCFC_BUILD_COMMIT="..."); empty
/// for a plain `swift build`, which cannot pass a string into Swift code.
const char *cfc_build_commit(void);

#endif
