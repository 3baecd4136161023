#ifndef SCRIPTORIUM_CLIBXML2_SHIM_H
#define SCRIPTORIUM_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU and Foundation ships its own ICU module: a module that sees
// both fails in debug builds with "'UErrorCode' has different definitions". We never use
// libxml2's ICU encoders, so hide them.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/relaxng.h>
#include <libxml/xmlmemory.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 refuses to touch.
static inline void scriptorium_xml_free(void *pointer) {
    xmlFree(pointer);
}

/// The column of an error: libxml2 keeps it in `int2`, a field name that says nothing.
static inline int scriptorium_error_column(const xmlError *error) {
    return error ? error->int2 : 0;
}

#endif
