// Field checks shared by the JSON and CSV order readers.
#ifndef PARCELPROOF_ORDER_ORDER_VALIDATE_H_
#define PARCELPROOF_ORDER_ORDER_VALIDATE_H_

#include <string>

#include "parcelproof/order.h"

namespace parcelproof {

// Checks one parsed order; on failure returns "field NAME: problem".
// Upper-cases the country code and trims fields in place.
Status ValidateOrder(Order* order);

// "orders.json: record 3 (order A-17): " prefix for messages.
std::string RecordContext(const std::string& source, const std::string& unit, size_t index,
                          const std::string& order_id);

std::string Trim(const std::string& s);

}  // namespace parcelproof

#endif  // PARCELPROOF_ORDER_ORDER_VALIDATE_H_
