// Where parcelproof's data files (checklists.json, ...) are read from.
#ifndef PARCELPROOF_CORE_DATA_DIR_H_
#define PARCELPROOF_CORE_DATA_DIR_H_

#include <string>

namespace parcelproof {

// $PARCELPROOF_DATA_DIR when set; else the source tree's data/ folder when
// it is there (a build run from its tree); else ../share/parcelproof or
// ../../share/parcelproof from the running executable's folder (an installed
// bin/parcelproof or libexec/parcelproof/parcelproof-media, `cmake --install`).
std::string DataDir();

// The folder holding the running executable, or "" when unknown.
std::string ExecutableDir();

}  // namespace parcelproof

#endif  // PARCELPROOF_CORE_DATA_DIR_H_
