#include "order/order_validate.h"

#include <cctype>

namespace parcelproof {
namespace {

Status FieldError(const std::string& field, const std::string& problem) {
  return Status::Corrupt("field " + field + ": " + problem);
}

bool IsTrackingChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ' ';
}

Status CheckTime(const std::string& field, const std::string& value) {
  long long micros;
  if (!value.empty() && !ParseRfc3339(value, &micros)) {
    return FieldError(field, "'" + value + "' is not an RFC 3339 time");
  }
  return Status::Ok();
}

Status CheckCountry(std::string* country) {
  for (char& c : *country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (country->size() != 2 || !std::isalpha(static_cast<unsigned char>((*country)[0])) ||
      !std::isalpha(static_cast<unsigned char>((*country)[1]))) {
    return FieldError("recipient.country", "'" + *country + "' is not an ISO 3166-1 alpha-2 code");
  }
  return Status::Ok();
}

Status CheckTracking(std::vector<TrackingNumber>* tracking) {
  for (size_t i = 0; i < tracking->size(); ++i) {
    TrackingNumber& t = (*tracking)[i];
    t.number = Trim(t.number);
    std::string field = "tracking[" + std::to_string(i) + "].number";
    if (t.number.empty()) return FieldError(field, "empty");
    if (t.number.size() > 64) return FieldError(field, "longer than 64 characters");
    for (char c : t.number) {
      if (!IsTrackingChar(c))
        return FieldError(
            field,
            "'" + t.number + "' has a character other than letters, digits, spaces and hyphens");
    }
  }
  return Status::Ok();
}

Status CheckItems(const std::vector<OrderItem>& items) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].quantity < 1 || items[i].quantity > 1000000) {
      return FieldError("items[" + std::to_string(i) + "].quantity",
                        std::to_string(items[i].quantity) + " is not between 1 and 1000000");
    }
  }
  return Status::Ok();
}

}  // namespace

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

Status ValidateOrder(Order* order) {
  order->id = Trim(order->id);
  if (order->id.empty()) return FieldError("id", "missing or empty");
  if (order->id.size() > 128) return FieldError("id", "longer than 128 characters");
  for (char c : order->id) {
    if (static_cast<unsigned char>(c) < 0x20) return FieldError("id", "has a control character");
  }
  order->recipient.postal_code = Trim(order->recipient.postal_code);
  PP_RETURN_IF_ERROR(CheckCountry(&order->recipient.country));
  PP_RETURN_IF_ERROR(CheckTracking(&order->tracking));
  PP_RETURN_IF_ERROR(CheckItems(order->items));
  PP_RETURN_IF_ERROR(CheckTime("times.placed", order->placed_at));
  PP_RETURN_IF_ERROR(CheckTime("times.paid", order->paid_at));
  PP_RETURN_IF_ERROR(CheckTime("times.shipped", order->shipped_at));
  PP_RETURN_IF_ERROR(CheckTime("times.delivered", order->delivered_at));
  return Status::Ok();
}

std::string RecordContext(const std::string& source, const std::string& unit, size_t index,
                          const std::string& order_id) {
  std::string ctx = source + ": " + unit + " " + std::to_string(index);
  if (!order_id.empty()) ctx += " (order " + order_id + ")";
  return ctx;
}

}  // namespace parcelproof
