#include "ingest/ftm_schema.hpp"

#include "linkscope/model/kinds.hpp"

namespace linkscope::detail {
namespace {

// Thing schemata. Persons are dated by birth, legal entities by incorporation, accounts by
// when they were opened (and closed), documents by their validity; FtM's other date
// properties (deathDate, dissolutionDate, ...) stay free properties.
constexpr FtmThing kThings[] = {
    {"Person", "person", {}, "birthDate", "", ""},
    {"Company", "organization", {}, "incorporationDate", "", ""},
    {"Organization", "organization", {}, "incorporationDate", "", ""},
    {"LegalEntity", "organization", {}, "incorporationDate", "", ""},
    {"PublicBody", "organization", {}, "incorporationDate", "", ""},
    {"Vehicle", "vehicle", {"registrationNumber", ""}, "", "", ""},
    {"Vessel", "vehicle", {"imoNumber", "registrationNumber"}, "", "", ""},
    {"Airplane", "vehicle", {"registrationNumber", ""}, "", "", ""},
    {"BankAccount", "account", {"iban", "accountNumber"}, "", "openingDate", "closingDate"},
    {"UserAccount", "account", {"username", "email"}, "", "", ""},
    {"CryptoWallet", "account", {"publicKey", ""}, "", "creationDate", ""},
    {"Address", "location", {"full", ""}, "", "", ""},
    {"Passport", "document", {"passportNumber", "number"}, "", "startDate", "endDate"},
    {"Identification", "document", {"number", ""}, "", "startDate", "endDate"},
    {"Document", "document", {"title", "fileName"}, "date", "", ""},
    {"Contract", "document", {"title", ""}, "contractDate", "", ""},
    {"Event", "event", {}, "date", "startDate", "endDate"},
    {"Thing", "commodity", {}, "", "", ""},
    {"Asset", "commodity", {}, "", "", ""},
    {"Security", "commodity", {"isin", "ticker"}, "", "", ""},
    {"RealEstate", "commodity", {"cadastralCode", "censusBlock"}, "", "", ""},
};

// Interval schemata: FtM's edge source -> target, except Debt, whose FtM edge runs from the
// creditor; here the debtor owes the creditor.
constexpr FtmInterval kIntervals[] = {
    {"Ownership", "owns", "owner", "asset"},
    {"Directorship", "director_of", "director", "organization"},
    {"Membership", "member_of", "member", "organization"},
    {"Employment", "employed_by", "employee", "employer"},
    {"Family", "family", "person", "relative"},
    {"Associate", "associate", "person", "associate"},
    {"Payment", "paid", "payer", "beneficiary"},
    {"Representation", "represents", "agent", "client"},
    {"UnknownLink", "link", "subject", "object"},
    {"Debt", "owes", "debtor", "creditor"},
    {"Succession", "succeeded_by", "predecessor", "successor"},
    {"Call", "called", "caller", "receiver"},
    {"CourtCaseParty", "involved_in", "party", "case"},
};

// Reference properties of things. Only properties whose FtM type is "entity" wherever they
// occur; others ("mainCountry", "bankName") are plain values.
constexpr FtmReference kReferences[] = {
    {"addressEntity", "located_in", false},  // thing -> its address
    {"holder", "registered_to", false},      // passport, wallet -> holder
    {"owner", "owns", true},                 // owner -> vehicle, account
    {"operator", "uses", true},              // operator -> vehicle
    {"involved", "involved_in", true},       // party -> event
};

constexpr std::string_view kNumberProperties[] = {"amount",
                                                  "amountEur",
                                                  "amountUsd",
                                                  "percentage",
                                                  "sharesCount",
                                                  "sharesValue",
                                                  "duration",
                                                  "balance",
                                                  "maxBalance",
                                                  "tonnage",
                                                  "grossRegisteredTonnage",
                                                  "deadweightTonnage"};

}  // namespace

std::span<const FtmThing> FtmThings() { return kThings; }
std::span<const FtmInterval> FtmIntervals() { return kIntervals; }
std::span<const FtmReference> FtmReferences() { return kReferences; }
std::span<const std::string_view> FtmNumberProperties() { return kNumberProperties; }

const FtmThing* FtmThingOf(std::string_view schema) {
  for (const FtmThing& t : kThings) {
    if (t.schema == schema) return &t;
  }
  return nullptr;
}

std::optional<std::string_view> FtmKindOf(std::string_view schema) {
  if (const FtmThing* t = FtmThingOf(schema)) return t->kind;
  return std::nullopt;
}

const FtmInterval* FtmIntervalOf(std::string_view schema) {
  for (const FtmInterval& i : kIntervals) {
    if (i.schema == schema) return &i;
  }
  return nullptr;
}

const FtmReference* FtmReferenceOf(std::string_view property) {
  for (const FtmReference& r : kReferences) {
    if (r.property == property) return &r;
  }
  return nullptr;
}

bool IsFtmNumberProperty(std::string_view property) {
  for (std::string_view p : kNumberProperties) {
    if (p == property) return true;
  }
  return false;
}

bool FtmLinkDirected(std::string_view link_type) {
  for (const LinkTypeInfo& info : RecommendedLinkTypes()) {
    if (info.name == link_type) return info.directed;
  }
  return true;
}

}  // namespace linkscope::detail
