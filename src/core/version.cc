#include "parcelproof/version.h"

namespace parcelproof {

const char* Version() { return PP_VERSION; }

}  // namespace parcelproof
